package dev.jhsim.machine.arm64;

/**
 * One decoded instruction, created once per address and cached. Executing it
 * returns {@code true} to go on with the next instruction of the block, or
 * {@code false} when control leaves the block: the instruction has then set
 * the PC (a branch, an exception, a fault).
 */
public abstract class Insn {
    public abstract boolean exec(Arm64Cpu c);

    /** Whether the block must end after this instruction (branches, exceptions, system changes). */
    public boolean endsBlock() {
        return false;
    }

    /**
     * One operation doing this instruction and then {@code next}, when the
     * pair is common enough to be worth a single dispatch (compare and
     * branch); {@code null} otherwise.
     */
    public Insn fuse(Insn next) {
        return null;
    }
}
