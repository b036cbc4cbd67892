package dev.jhsim.config.c;

import dev.jhsim.fixtures.Repo;
import dev.jhsim.fixtures.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The reference: the host's gcc and objcopy, as Jailhouse builds configurations. */
final class HostGcc {
    /** jhsim's bundled headers, which gcc compiles too. */
    static final Path HEADERS = Repo.path("cell-config/src/main/resources/jhsim/include");

    private HostGcc() {
    }

    /** {@code gcc -c -Werror OPTIONS -I HEADERS SOURCE}, then {@code objcopy -O binary}: the bytes. */
    static byte[] build(Path source, Path work, List<String> options) throws IOException, InterruptedException {
        Tools.require("gcc", "objcopy");
        Path object = Files.createTempFile(work, "gcc", ".o");
        Path binary = Files.createTempFile(work, "gcc", ".cell");
        List<String> gcc = new ArrayList<>(List.of("gcc", "-c", "-Werror"));
        gcc.addAll(options);
        gcc.addAll(List.of("-I" + HEADERS, "-o", object.toString(), source.toString()));
        run(gcc);
        run(List.of("objcopy", "-O", "binary", "--remove-section=.note.gnu.property", object.toString(),
                binary.toString()));
        return Files.readAllBytes(binary);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
