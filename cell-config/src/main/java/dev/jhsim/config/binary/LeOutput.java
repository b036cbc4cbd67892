package dev.jhsim.config.binary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little-endian byte buffer. */
final class LeOutput {
    private byte[] buf = new byte[1024];
    private int len;

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    void u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
    }

    void u16(int v) {
        u8(v);
        u8(v >>> 8);
    }

    void u32(long v) {
        u16((int) v);
        u16((int) (v >>> 16));
    }

    void u64(long v) {
        u32(v);
        u32(v >>> 32);
    }

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    void zeros(int n) {
        ensure(n);
        len += n;
    }

    /** A name into a zero-filled field of {@code n} bytes (the model guarantees it fits with its NUL). */
    void name(String name, int n) {
        byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
        bytes(b);
        zeros(n - b.length);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
