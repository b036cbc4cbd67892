package dev.jhsim.machine.arm64.insn;

/** Shifted-register and extended-register operand forms. */
final class Operands {
    static final int LSL = 0;
    static final int LSR = 1;
    static final int ASR = 2;
    static final int ROR = 3;

    private Operands() {
    }

    /** {@code value} shifted as the shifted-register forms do, for a 64- or 32-bit operation. */
    static long shift(long value, int type, int amount, boolean sf) {
        if (sf) {
            return switch (type) {
                case LSL -> value << amount;
                case LSR -> value >>> amount;
                case ASR -> value >> amount;
                default -> Long.rotateRight(value, amount);
            };
        }
        int w = (int) value;
        int r = switch (type) {
            case LSL -> w << amount;
            case LSR -> w >>> amount;
            case ASR -> w >> amount;
            default -> Integer.rotateRight(w, amount);
        };
        return r & 0xFFFFFFFFL;
    }

    /** ExtendReg: UXTB..SXTX selected by {@code option}, then shifted left. */
    static long extend(long value, int option, int shift) {
        long v = switch (option) {
            case 0 -> value & 0xFF;
            case 1 -> value & 0xFFFF;
            case 2 -> value & 0xFFFFFFFFL;
            case 4 -> (byte) value;
            case 5 -> (short) value;
            case 6 -> (int) value;
            default -> value;
        };
        return v << shift;
    }
}
