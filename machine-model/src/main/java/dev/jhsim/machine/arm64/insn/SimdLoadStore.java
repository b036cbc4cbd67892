package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.decode.DecodeTable;

final class SimdLoadStore {
    private SimdLoadStore() {
    }

    static void register(DecodeTable t) {
    }
}
