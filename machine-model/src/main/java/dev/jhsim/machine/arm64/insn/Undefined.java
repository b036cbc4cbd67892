package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;

/** An encoding the model does not implement (or that is unallocated): UNDEFINED when executed. */
public final class Undefined extends Insn {
    private final int word;
    private final long pc;

    public Undefined(int word, long pc) {
        this.word = word;
        this.pc = pc;
    }

    @Override
    public boolean exec(Arm64Cpu c) {
        return c.undefined(word, pc);
    }

    @Override
    public boolean endsBlock() {
        return true;
    }
}
