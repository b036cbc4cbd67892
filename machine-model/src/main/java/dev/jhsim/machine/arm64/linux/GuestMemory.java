package dev.jhsim.machine.arm64.linux;

import dev.jhsim.machine.bus.PhysicalBus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Copies between host and guest memory for system calls; addresses are virtual = physical. */
final class GuestMemory {
    private final PhysicalBus bus;

    GuestMemory(PhysicalBus bus) {
        this.bus = bus;
    }

    /** The bytes at {@code address}, or {@code null} if any of them is not mapped. */
    byte[] read(long address, long length) {
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            return null;
        }
        byte[] b = new byte[(int) length];
        return bus.readBytes(address, b, 0, b.length) ? b : null;
    }

    boolean write(long address, byte[] data) {
        return bus.writeBytes(address, data, 0, data.length);
    }

    /** Little-endian 64-bit words written in order. */
    boolean writeLongs(long address, long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return write(address, b.array());
    }

    long readLong(long address) {
        byte[] b = read(address, 8);
        return b == null ? 0 : ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** A NUL-terminated string of at most 4096 bytes, or {@code null}. */
    String readString(long address) {
        StringBuilder s = new StringBuilder();
        byte[] one = new byte[1];
        for (int i = 0; i < 4096; i++) {
            if (!bus.readBytes(address + i, one, 0, 1)) {
                return null;
            }
            if (one[0] == 0) {
                return new String(s.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
            s.append((char) (one[0] & 0xFF));
        }
        return null;
    }

    boolean zero(long address, long length) {
        return write(address, new byte[(int) length]);
    }
}
