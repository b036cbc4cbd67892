package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;

/** ADR and ADRP: the address is known at decode time, so they become constant moves. */
final class PcRelative {
    private PcRelative() {
    }

    static void register(DecodeTable t) {
        t.add("ADR", "0 ll 10000 hhhhhhhhhhhhhhhhhhh ddddd", f -> new MoveWide.Constant(Regs.dzr(f.u('d')),
                f.pc() + offset(f)));
        t.add("ADRP", "1 ll 10000 hhhhhhhhhhhhhhhhhhh ddddd", f -> new MoveWide.Constant(Regs.dzr(f.u('d')),
                (f.pc() & ~0xFFFL) + (offset(f) << 12)));
    }

    private static long offset(Fields f) {
        long imm = ((long) f.u('h') << 2) | f.u('l');
        return (imm << 43) >> 43;
    }
}
