package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Insn;

/**
 * What the element-by-element SIMD instructions share: element size and
 * count, whether the whole 128 bits are written, the registers, and the
 * scratch pair a result is built in before it is stored (so that a
 * destination that is also a source reads the old value).
 */
abstract class VectorInsn extends Insn {
    final int esize;
    final int elements;
    final boolean q;
    final int rd;
    final int rn;
    final int rm;
    final long[] out = new long[2];

    VectorInsn(int esize, int elements, boolean q, int rd, int rn, int rm) {
        this.esize = esize;
        this.elements = elements;
        this.q = q;
        this.rd = rd;
        this.rn = rn;
        this.rm = rm;
    }

    /** Clears the scratch result. */
    final void clear() {
        out[0] = 0;
        out[1] = 0;
    }
}
