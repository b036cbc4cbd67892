package dev.jhsim.config.model;

/** Range checks for the unsigned C field widths the model stores in Java ints and longs. */
final class Ranges {
    private Ranges() {
    }

    static long u32(long value, String field) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException(field + " " + Symbols.hex(value) + " does not fit 32 bits");
        }
        return value;
    }

    static int u16(int value, String field) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException(field + " " + value + " does not fit 16 bits");
        }
        return value;
    }

    static int u8(int value, String field) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException(field + " " + value + " does not fit 8 bits");
        }
        return value;
    }
}
