package dev.jhsim.machine.arm64.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Randomized per-class differential tests: thousands of random encodings and
 * machine states per instruction class, run under qemu-aarch64 and under the
 * model; every saved register, flag and scratch byte must match.
 */
class InstructionClassDifferentialTest {
    private static final Path WORK = Path.of("target", "difftest");

    @TestFactory
    Stream<DynamicTest> everyClassMatchesQemu() {
        return InstructionClasses.all().stream().map(cls -> DynamicTest.dynamicTest(cls.name(), () -> run(cls)));
    }

    private static void run(InstructionClass cls) throws Exception {
        Toolchain.require();
        long seed = cls.name().hashCode();
        Path dir = WORK.resolve(cls.name().replaceAll("[^A-Za-z0-9]+", "-"));
        Files.createDirectories(dir);
        ClassProgram program = new ClassProgram(cls, seed);
        program.write(dir, seed);
        Toolchain.exec(dir, List.of(Toolchain.GCC, "-nostdlib", "-static", "-o", "test", "test.S"));
        Path elf = dir.resolve("test").toAbsolutePath();
        Toolchain.Run expected = Toolchain.qemu(elf, List.of());
        Toolchain.Run actual = Toolchain.jhsim(elf, List.of());
        assertEquals(0, expected.exitCode(), "qemu-aarch64 run failed");
        assertEquals(null, actual.error(), "jhsim stopped the program");
        assertEquals(program.cases.size() * (long) MachineState.SIZE, expected.stdout().length);
        int bad = firstMismatch(expected.stdout(), actual.stdout());
        if (bad >= 0) {
            fail(describe(program, bad, expected.stdout(), actual.stdout()));
        }
        assertTrue(program.rejected < 20 * program.cases.size(), "generator draws too few defined encodings");
        System.out.printf("%s: %d cases, 0 mismatches (%d undefined draws skipped)%n", cls.name(),
                program.cases.size(), program.rejected);
    }

    private static int firstMismatch(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i / MachineState.SIZE;
            }
        }
        return a.length == b.length ? -1 : n / MachineState.SIZE;
    }

    private static String describe(ClassProgram program, int index, byte[] q, byte[] j) {
        StringBuilder s = new StringBuilder("case " + index + " differs; words:");
        for (int w : program.cases.get(index)) {
            s.append(String.format(" %08x", w));
        }
        int base = index * MachineState.SIZE;
        if (base + MachineState.SIZE > j.length) {
            return s.append(" (jhsim output is short: ").append(j.length).append(" bytes)").toString();
        }
        ByteBuffer eq = ByteBuffer.wrap(q).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer ej = ByteBuffer.wrap(j).order(ByteOrder.LITTLE_ENDIAN);
        for (int off = 0; off < MachineState.SIZE; off += 8) {
            long a = eq.getLong(base + off);
            long b = ej.getLong(base + off);
            if (a != b) {
                s.append(String.format("%n  %s: qemu %016x jhsim %016x", field(off), a, b));
            }
        }
        return s.toString();
    }

    private static String field(int off) {
        if (off < MachineState.X_OFFSET) {
            return "V" + off / 16 + (off % 16 == 0 ? ".lo" : ".hi");
        }
        if (off < MachineState.NZCV_OFFSET) {
            return "X" + (off - MachineState.X_OFFSET) / 8;
        }
        if (off == MachineState.NZCV_OFFSET) {
            return "NZCV (FPSR.QC in bit 59)";
        }
        if (off == MachineState.SP_OFFSET) {
            return "SP";
        }
        return "mem+" + (off - MachineState.MEMORY_OFFSET);
    }
}
