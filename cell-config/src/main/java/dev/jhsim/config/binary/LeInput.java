package dev.jhsim.config.binary;

import dev.jhsim.config.ConfigFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A bounds-checked little-endian reader over a whole file that knows which
 * structure and field it is in, so every error names the byte offset and the
 * place in the configuration.
 */
final class LeInput {
    private final byte[] data;
    private int pos;
    private final Deque<String> context = new ArrayDeque<>();

    LeInput(byte[] data) {
        this.data = data;
    }

    /** The whole file, for layout detection that must look ahead without moving the cursor. */
    byte[] data() {
        return data;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return data.length - pos;
    }

    int length() {
        return data.length;
    }

    /** Enters a named structure (e.g. "memory region 3") for error messages; pair with {@link #leave}. */
    void enter(String name) {
        context.addLast(name);
    }

    void leave() {
        context.removeLast();
    }

    int u8(String field) throws ConfigFormatException {
        need(1, field);
        return data[pos++] & 0xff;
    }

    int u16(String field) throws ConfigFormatException {
        need(2, field);
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
        pos += 2;
        return v;
    }

    long u32(String field) throws ConfigFormatException {
        need(4, field);
        long v = (data[pos] & 0xffL) | (data[pos + 1] & 0xffL) << 8 | (data[pos + 2] & 0xffL) << 16
                | (data[pos + 3] & 0xffL) << 24;
        pos += 4;
        return v;
    }

    long u64(String field) throws ConfigFormatException {
        long low = u32(field);
        long high = u32(field);
        return low | high << 32;
    }

    byte[] bytes(int n, String field) throws ConfigFormatException {
        need(n, field);
        byte[] out = new byte[n];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** Reserved bytes: must be zero, since a non-zero value could not be written back. */
    void reserved(int n, String field) throws ConfigFormatException {
        need(n, field);
        for (int i = 0; i < n; i++) {
            if (data[pos + i] != 0) {
                throw errorAt(pos + i, field, "reserved byte is " + hexByte(data[pos + i]) + ", expected 0");
            }
        }
        pos += n;
    }

    /** A fixed-size name field: NUL-terminated, zero-filled after the terminator. */
    String name(int n, String field) throws ConfigFormatException {
        int start = pos;
        byte[] raw = bytes(n, field);
        int end = 0;
        while (end < n && raw[end] != 0) {
            end++;
        }
        if (end == n) {
            throw errorAt(start, field, "name has no terminating NUL within its " + n + " bytes");
        }
        for (int i = end + 1; i < n; i++) {
            if (raw[i] != 0) {
                throw errorAt(start + i, field, "byte " + hexByte(raw[i])
                        + " after the name's terminating NUL, expected 0");
            }
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** Fails unless {@code bytes} more bytes exist; the message names the field being read. */
    void need(long bytes, String field) throws ConfigFormatException {
        if (bytes > remaining()) {
            throw errorAt(pos, field, "file ends after " + data.length + " bytes, expected " + bytes
                    + " more for this field");
        }
    }

    ConfigFormatException errorAt(long offset, String field, String problem) {
        return new ConfigFormatException(location(offset, field), problem);
    }

    String location(long offset, String field) {
        StringBuilder where = new StringBuilder(String.join(", ", context));
        if (field != null && !field.isEmpty()) {
            if (where.length() > 0) {
                where.append(", ");
            }
            where.append(field);
        }
        return "offset " + String.format("0x%x", offset) + (where.length() == 0 ? "" : " (" + where + ")");
    }

    private static String hexByte(byte b) {
        return String.format("0x%02x", b & 0xff);
    }
}
