package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.decode.DecodeTable;

final class FpScalar {
    private FpScalar() {
    }

    static void register(DecodeTable t) {
    }
}
