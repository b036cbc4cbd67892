package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;

/**
 * The A64 decode table: every instruction family registers its patterns here,
 * in an order where more specific rows come first. An encoding no row claims
 * decodes to {@link Undefined}.
 */
public final class A64Decoder {
    private static final DecodeTable TABLE = build();

    private A64Decoder() {
    }

    private static DecodeTable build() {
        DecodeTable t = new DecodeTable();
        PcRelative.register(t);
        AddSub.register(t);
        Logical.register(t);
        MoveWide.register(t);
        Bitfield.register(t);
        Conditional.register(t);
        DataProcessing1.register(t);
        DataProcessing2.register(t);
        DataProcessing3.register(t);
        Branches.register(t);
        ExceptionGeneration.register(t);
        SystemInsns.register(t);
        Atomics.register(t);
        LoadStore.register(t);
        LoadStorePair.register(t);
        Exclusive.register(t);
        SimdLoadStore.register(t);
        FpScalar.register(t);
        SimdArith.register(t);
        SimdMove.register(t);
        SimdIndexed.register(t);
        return t;
    }

    public static DecodeTable table() {
        return TABLE;
    }

    public static Insn decode(int word, long pc) {
        Insn insn = TABLE.decode(word, pc);
        return insn != null ? insn : new Undefined(word, pc);
    }
}
