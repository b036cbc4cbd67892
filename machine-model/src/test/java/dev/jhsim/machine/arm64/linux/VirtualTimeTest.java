package dev.jhsim.machine.arm64.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.machine.arm64.difftest.Programs;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The user-mode clock is virtual: sleeping three seconds takes no host time
 * and the program sees the time it asked for (src/test/c/clock.c; under qemu
 * it would really sleep, so it is checked here rather than compared).
 */
class VirtualTimeTest {
    @Test
    void sleepingAdvancesTheClockWithoutTakingHostTime() throws Exception {
        Programs.build();
        Path elf = Programs.OUT.resolve("clock");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long begin = System.nanoTime();
        UserModeRunner.Result r = UserModeRunner.run(Files.readAllBytes(elf), elf.toString(), List.of("clock"),
                InputStream.nullInputStream(), out, new ByteArrayOutputStream(), Long.MAX_VALUE);
        long hostMs = (System.nanoTime() - begin) / 1_000_000;
        assertEquals(0, r.exitCode());
        String line = out.toString(StandardCharsets.UTF_8);
        assertTrue(line.matches("slept 2\\.001 then 1\\.000, cwd /\\n"), line);
        assertTrue(hostMs < 2000, "took " + hostMs + " ms of host time");
    }
}
