package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;

/** The A64 condition codes evaluated on NZCV. */
final class Cond {
    private Cond() {
    }

    static boolean holds(Arm64Cpu c, int cond) {
        boolean r = switch (cond >>> 1) {
            case 0 -> c.z;
            case 1 -> c.c;
            case 2 -> c.n;
            case 3 -> c.v;
            case 4 -> c.c && !c.z;
            case 5 -> c.n == c.v;
            case 6 -> c.n == c.v && !c.z;
            default -> true;
        };
        return (cond & 1) != 0 && cond != 15 ? !r : r;
    }
}
