package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.decode.DecodeTable;

final class SimdData {
    private SimdData() {
    }

    static void register(DecodeTable t) {
    }
}
