package dev.jhsim.machine.arm64.difftest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * The per-case record the harness loads before and saves after the
 * instructions under test: V0-V7, X0-X15, NZCV (on output with FPSR.QC in
 * bit 59, and the SP offset from the scratch area), then the 1 KiB scratch
 * memory the memory classes
 * address. Inputs favour edge values: zero, all ones, sign boundaries, NaNs,
 * infinities, denormals and ties.
 */
final class MachineState {
    static final int V_OFFSET = 0;
    static final int X_OFFSET = 128;
    static final int NZCV_OFFSET = 256;
    static final int SP_OFFSET = 264;
    static final int MEMORY_OFFSET = 272;
    static final int MEMORY_SIZE = 1024;
    static final int SIZE = MEMORY_OFFSET + MEMORY_SIZE;
    /** Where SP points during a case, relative to the scratch area. */
    static final int SP_IN_SCRATCH = 512;

    private static final long[] EDGE64 = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, 0x80000000L, 0x7FFFFFFFL,
        0xFFFFFFFFL, 0x100000000L, 0xFFFFFFFF80000000L, 0x8000L, 0xFFFFL, 0x80L, 0xFFL, 63, 64, 32, 31};
    private static final double[] EDGE_DOUBLES = {0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 3.5,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL,
        1e300, 0x1p63, 0x1p64, -0x1p63, 0x1p31, 0x1p32, 4294967296.5, -4294967297.0, 1e-310, 0.1, 1.0 / 3};
    private static final float[] EDGE_FLOATS = {0f, -0f, 1f, -1f, 0.5f, 1.5f, 2.5f, -2.5f, Float.MIN_VALUE,
        Float.MAX_VALUE, Float.MIN_NORMAL, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0x1p31f, 0x1p32f,
        -0x1p31f, 0x1p63f, 0x1p64f, 1e-40f, 0.1f, 16777217f};

    private MachineState() {
    }

    /** A random input record; memory classes get base registers pointing into the scratch area. */
    static byte[] random(Random r, boolean memory) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int v = 0; v < 8; v++) {
            for (int half = 0; half < 2; half++) {
                b.putLong(V_OFFSET + 16 * v + 8 * half, fpBits(r));
            }
        }
        for (int x = 0; x < 16; x++) {
            b.putLong(X_OFFSET + 8 * x, integer(r));
        }
        if (memory) {
            for (int x = 9; x <= 12; x++) {
                b.putLong(X_OFFSET + 8 * x, 256 + 16 * r.nextInt(16));
            }
            b.putLong(X_OFFSET + 8 * 13, r.nextInt(16));
            b.putLong(X_OFFSET + 8 * 14, r.nextInt(16));
            b.putLong(X_OFFSET + 8 * 15, -1 - r.nextInt(8));
        }
        b.putLong(NZCV_OFFSET, (long) r.nextInt(16) << 28);
        for (int i = 0; i < MEMORY_SIZE; i += 8) {
            b.putLong(MEMORY_OFFSET + i, r.nextInt(4) == 0 ? fpBits(r) : r.nextLong());
        }
        return b.array();
    }

    static long integer(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> EDGE64[r.nextInt(EDGE64.length)];
            case 1 -> r.nextInt(33) - 16;
            case 2 -> r.nextInt() & 0xFFFFFFFFL;
            case 3 -> 1L << r.nextInt(64);
            case 4 -> r.nextLong() >> r.nextInt(64);
            default -> r.nextLong();
        };
    }

    /** 64 bits holding a double, two floats, or random bits. */
    static long fpBits(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> doubleBits(r);
            case 1 -> (floatBits(r) & 0xFFFFFFFFL) | ((long) floatBits(r) << 32);
            case 2 -> Double.doubleToRawLongBits((r.nextInt(2000) - 1000) / 4.0);
            default -> r.nextLong();
        };
    }

    /** Raw bits, so that signalling NaNs survive (host arithmetic would quiet them). */
    private static long doubleBits(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> 0x7FF0000000000000L | (r.nextLong() & 0x800FFFFFFFFFFFFFL) | 1;
            case 1 -> Double.doubleToRawLongBits((r.nextDouble() - 0.5) * Math.pow(2, r.nextInt(140) - 70));
            default -> Double.doubleToRawLongBits(EDGE_DOUBLES[r.nextInt(EDGE_DOUBLES.length)]);
        };
    }

    private static int floatBits(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> 0x7F800001 | (r.nextInt() & 0x807FFFFF);
            case 1 -> Float.floatToRawIntBits((float) ((r.nextDouble() - 0.5) * Math.pow(2, r.nextInt(80) - 40)));
            default -> Float.floatToRawIntBits(EDGE_FLOATS[r.nextInt(EDGE_FLOATS.length)]);
        };
    }
}
