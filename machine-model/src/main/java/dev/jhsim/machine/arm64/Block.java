package dev.jhsim.machine.arm64;

/**
 * A translation block: the decoded instructions from {@link #pc} up to and
 * including the first one that ends a block (or a page boundary, where a
 * {@link Fallthrough} continues at the next address).
 */
final class Block {
    final long pc;
    final Insn[] ops;
    /** Guest instructions completed once {@code ops[i]} has run (a fused op counts two, the fall-through none). */
    final int[] done;
    final long physPage;
    /** Cleared when the code it was decoded from changes; chained links to it are then ignored. */
    boolean valid = true;
    /** The last two blocks control went to from here: most exits are one of two targets. */
    Block next0;
    Block next1;

    Block(long pc, Insn[] ops, int[] done, long physPage) {
        this.pc = pc;
        this.ops = ops;
        this.done = done;
        this.physPage = physPage;
    }

    /** The chained successor for {@code target}, or {@code null} when it has to be looked up. */
    Block successor(long target) {
        Block b = next0;
        if (b != null && b.pc == target && b.valid) {
            return b;
        }
        b = next1;
        if (b != null && b.pc == target && b.valid) {
            return b;
        }
        return null;
    }

    void chain(Block successor) {
        next1 = next0;
        next0 = successor;
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
