package dev.jhsim.inmates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jhsim.fixtures.Repo;
import dev.jhsim.fixtures.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inmate library's printf-style formatting and command-line parsing,
 * compiled from the library's own sources into a Linux program
 * (src/test/c/library-test.c) and run under qemu-aarch64.
 */
class InmateLibraryTest {
    @TempDir
    Path dir;

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + output);
        return output;
    }

    @Test
    void formattingAndCommandLineParsing() throws Exception {
        Tools.require("aarch64-linux-gnu-gcc", "qemu-aarch64");
        Path inmates = Repo.path("inmates");
        Path program = dir.resolve("library-test");
        run(List.of("aarch64-linux-gnu-gcc", "-static", "-O2", "-Wall", "-Wextra", "-Werror",
                "-I", inmates.resolve("lib/arm64/include").toString(), "-o", program.toString(),
                inmates.resolve("src/test/c/library-test.c").toString(),
                inmates.resolve("lib/arm64/printk.c").toString(),
                inmates.resolve("lib/arm64/cmdline.c").toString()));
        String output = run(List.of("qemu-aarch64", program.toString()));
        assertEquals("31 checks, 0 failed\n", output);
    }
}
