package dev.jhsim.machine.arm64.difftest;

import dev.jhsim.machine.arm64.insn.A64Decoder;
import dev.jhsim.machine.arm64.insn.Undefined;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the assembly program for one instruction class: for every case it
 * loads a random state ({@link MachineState}), runs the case's words, saves
 * the state, and at the end writes all saved states to stdout in one go. The
 * harness uses X16-X30 only; the words under test use X0-X15, SP, V0-V7 and
 * the scratch area.
 */
final class ClassProgram {
    final List<int[]> cases = new ArrayList<>();
    /** Words drawn but dropped because the model decodes them as UNDEFINED. */
    int rejected;
    private final InstructionClass cls;

    ClassProgram(InstructionClass cls, long seed) {
        this.cls = cls;
        Random r = new Random(seed);
        while (cases.size() < cls.cases()) {
            int[] words = cls.source().next(r);
            if (words == null || !allDefined(words, words.length - cls.dataWords())) {
                rejected++;
                continue;
            }
            cases.add(words);
        }
    }

    private static boolean allDefined(int[] words, int instructions) {
        for (int i = 0; i < instructions; i++) {
            if (A64Decoder.decode(words[i], 0) instanceof Undefined) {
                return false;
            }
        }
        return true;
    }

    /** Writes {@code test.S} and {@code inputs.bin} into {@code dir}. */
    void write(Path dir, long seed) throws IOException {
        Random r = new Random(seed ^ 0x5DEECE66DL);
        byte[] inputs = new byte[cases.size() * MachineState.SIZE];
        for (int i = 0; i < cases.size(); i++) {
            System.arraycopy(MachineState.random(r, cls.memory()), 0, inputs, i * MachineState.SIZE,
                    MachineState.SIZE);
        }
        Files.write(dir.resolve("inputs.bin"), inputs);
        StringBuilder s = new StringBuilder();
        s.append("""
                    .text
                    .global _start
                _start:
                    adrp x28, inputs
                    add x28, x28, :lo12:inputs
                    adrp x27, outputs
                    add x27, x27, :lo12:outputs
                    adrp x26, scratch
                    add x26, x26, :lo12:scratch
                    mov x25, sp
                """);
        for (int[] words : cases) {
            s.append("    bl load_state\n");
            for (int w : words) {
                s.append(String.format("    .inst 0x%08x%n", w));
            }
            s.append("    bl save_state\n");
        }
        long outSize = (long) cases.size() * MachineState.SIZE;
        s.append(String.format("""
                    mov sp, x25
                    mov x0, #1
                    adrp x1, outputs
                    add x1, x1, :lo12:outputs
                    movz x2, #0x%x
                    movk x2, #0x%x, lsl #16
                    mov x8, #64
                    svc #0
                    mov x0, #0
                    mov x8, #93
                    svc #0
                """, outSize & 0xFFFF, outSize >>> 16));
        s.append(loadState()).append(saveState());
        s.append(String.format("""
                    .data
                    .balign 16
                inputs:
                    .incbin "inputs.bin"
                    .bss
                    .balign 16
                outputs:
                    .space %d
                    .balign 16
                scratch:
                    .space %d
                """, outSize, MachineState.MEMORY_SIZE));
        Files.writeString(dir.resolve("test.S"), s.toString());
    }

    private String loadState() {
        StringBuilder s = new StringBuilder();
        s.append("load_state:\n");
        s.append(copy("x28", MachineState.MEMORY_OFFSET, "x26", 0));
        for (int v = 0; v < 8; v += 2) {
            s.append(String.format("    ldp q%d, q%d, [x28, #%d]%n", v, v + 1, MachineState.V_OFFSET + 16 * v));
        }
        s.append(String.format("    ldr x16, [x28, #%d]%n    msr nzcv, x16%n    msr fpsr, xzr%n",
                MachineState.NZCV_OFFSET));
        s.append(String.format("    add x16, x26, #%d%n    mov sp, x16%n", MachineState.SP_IN_SCRATCH));
        for (int x = 0; x < 16; x += 2) {
            s.append(String.format("    ldp x%d, x%d, [x28, #%d]%n", x, x + 1, MachineState.X_OFFSET + 8 * x));
        }
        if (cls.memory()) {
            for (int x = 9; x <= 12; x++) {
                s.append(String.format("    add x%d, x%d, x26%n", x, x));
            }
        }
        s.append("    ret\n");
        return s.toString();
    }

    private static String saveState() {
        StringBuilder s = new StringBuilder();
        s.append("save_state:\n");
        for (int x = 0; x < 16; x += 2) {
            s.append(String.format("    stp x%d, x%d, [x27, #%d]%n", x, x + 1, MachineState.X_OFFSET + 8 * x));
        }
        // NZCV, and FPSR.QC (the saturation flag) in bit 59; the FP exception flags are not modelled.
        s.append(String.format("    mrs x16, nzcv%n    mrs x17, fpsr%n    and x17, x17, #0x8000000%n"
                + "    orr x16, x16, x17, lsl #32%n    str x16, [x27, #%d]%n", MachineState.NZCV_OFFSET));
        s.append(String.format("    mov x16, sp%n    sub x16, x16, x26%n    str x16, [x27, #%d]%n",
                MachineState.SP_OFFSET));
        for (int v = 0; v < 8; v += 2) {
            s.append(String.format("    stp q%d, q%d, [x27, #%d]%n", v, v + 1, MachineState.V_OFFSET + 16 * v));
        }
        s.append(copy("x26", 0, "x27", MachineState.MEMORY_OFFSET));
        s.append(String.format("    add x27, x27, #%d%n    add x28, x28, #%d%n    ret%n",
                MachineState.SIZE, MachineState.SIZE));
        return s.toString();
    }

    /** Copies the 1 KiB scratch image; clobbers X16-X21 and the flags. */
    private static String copy(String from, int fromOffset, String to, int toOffset) {
        return String.format("""
                    add x16, %s, #%d
                    add x17, %s, #%d
                    mov x19, #%d
                1:  ldp x20, x21, [x16], #16
                    stp x20, x21, [x17], #16
                    subs x19, x19, #1
                    b.ne 1b
                """, from, fromOffset, to, toOffset, MachineState.MEMORY_SIZE / 16);
    }
}
