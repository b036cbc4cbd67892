package dev.jhsim.machine.arm64.difftest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real C programs, built -O2 against static glibc, under qemu-aarch64 and the
 * model: stdout and exit status must be identical.
 */
class ProgramDifferentialTest {
    private record Program(String name, List<String> args) {
    }

    private static final List<Program> PROGRAMS = List.of(
            new Program("hello", List.of("one", "two words")),
            new Program("strings", List.of()),
            new Program("sort", List.of()),
            new Program("hash", List.of()),
            new Program("arith", List.of()),
            new Program("float", List.of()),
            new Program("math", List.of()),
            new Program("alloc", List.of()),
            new Program("bench", List.of()));

    @BeforeAll
    static void build() throws Exception {
        Programs.build();
    }

    @TestFactory
    Stream<DynamicTest> everyProgramMatchesQemu() {
        return PROGRAMS.stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            Path elf = Programs.OUT.resolve(p.name());
            Toolchain.Run expected = Toolchain.qemu(elf, p.args());
            Toolchain.Run actual = Toolchain.jhsim(elf, p.args());
            assertNull(actual.error(), "jhsim stopped the program");
            assertArrayEquals(expected.stdout(), actual.stdout(), () -> "stdout differs:\n--- qemu\n"
                    + new String(expected.stdout(), StandardCharsets.UTF_8) + "\n--- jhsim\n"
                    + new String(actual.stdout(), StandardCharsets.UTF_8));
            assertEquals(expected.exitCode(), actual.exitCode(), "exit status");
            System.out.printf("%s: %d bytes of output identical, exit %d%n", p.name(), actual.stdout().length,
                    actual.exitCode());
        }));
    }
}
