package dev.jhsim.machine.arm64;

/**
 * A translation block: the decoded instructions from {@link #pc} up to and
 * including the first one that ends a block (or a page boundary, where a
 * {@link Fallthrough} continues at the next address).
 */
final class Block {
    final long pc;
    final Insn[] ops;
    /** Number of guest instructions (the trailing fall-through is not one). */
    final int length;
    final long physPage;

    Block(long pc, Insn[] ops, int length, long physPage) {
        this.pc = pc;
        this.ops = ops;
        this.length = length;
        this.physPage = physPage;
    }

    /** Ends a block that stops without a branch: continues at the next address. */
    static final class Fallthrough extends Insn {
        private final long next;

        Fallthrough(long next) {
            this.next = next;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.pc = next;
            return false;
        }
    }
}
