package dev.jhsim.machine.baremetal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed images are exactly what their sources build: the Makefile
 * in src/test/baremetal is run into a temporary directory and every image
 * compared byte for byte. The build is reproducible with the compiler named
 * in src/test/baremetal/TOOLCHAIN; another compiler may generate other code,
 * which the failure message then says.
 */
class BareMetalBuildTest {
    static final Path SOURCES = Path.of("src/test/baremetal");
    static final Path COMMITTED = Path.of("src/test/resources/dev/jhsim/machine/baremetal");

    @Test
    void committedImagesMatchARebuild(@TempDir Path out) throws Exception {
        String make = run(List.of("make", "-s", "-C", SOURCES.toString(), "OUT=" + out.toAbsolutePath()));
        String compiler = run(List.of("aarch64-linux-gnu-gcc", "--version")).lines().findFirst().orElse("?");
        String recorded = Files.readString(SOURCES.resolve("TOOLCHAIN"), StandardCharsets.UTF_8).strip();
        List<Path> committed;
        try (Stream<Path> files = Files.list(COMMITTED)) {
            committed = files.filter(p -> p.toString().endsWith(".bin")).sorted().toList();
        }
        assertFalse(committed.isEmpty());
        for (Path image : committed) {
            Path rebuilt = out.resolve(image.getFileName());
            if (!Files.exists(rebuilt)) {
                fail(image.getFileName() + " is committed but the Makefile does not build it\n" + make);
            }
            byte[] expected = Files.readAllBytes(image);
            byte[] actual = Files.readAllBytes(rebuilt);
            if (!java.util.Arrays.equals(expected, actual)) {
                assertEquals(recorded, compiler, image.getFileName() + " differs, and the compiler is not the one"
                        + " the committed images were built with");
                assertArrayEquals(expected, actual, image.getFileName() + " differs from a rebuild: run"
                        + " `make -C machine-model/src/test/baremetal resources` and commit the images");
            }
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
