package dev.jhsim.machine.arm64.difftest;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jhsim.machine.arm64.linux.UserModeRunner;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cross compiler and qemu-aarch64 the differential tests compare
 * against. A missing tool fails the test with a message naming it; the
 * differential suite is never skipped silently.
 */
final class Toolchain {
    static final String GCC = "aarch64-linux-gnu-gcc";
    static final String QEMU = "qemu-aarch64";

    /** What a program printed on stdout and how it exited. */
    record Run(byte[] stdout, int exitCode, String error) {
    }

    private Toolchain() {
    }

    static void require() {
        requireTool(GCC, "gcc-aarch64-linux-gnu (and libc6-dev-arm64-cross)");
        requireTool(QEMU, "qemu-user");
    }

    private static void requireTool(String tool, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        fail("differential tests need " + tool + " on the PATH (Debian package " + debianPackage
                + "; .ci/run installs it)");
    }

    /** Runs a command, failing the test if it does not succeed; returns its stdout. */
    static byte[] exec(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", command) + " failed:\n" + new String(out));
        }
        return out;
    }

    static Run qemu(Path elf, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(QEMU, elf.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(QEMU + " " + elf + " did not finish");
        }
        return new Run(out, p.exitValue(), null);
    }

    static Run jhsim(Path elf, List<String> args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(elf.toString()));
        argv.addAll(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UserModeRunner.Result r = UserModeRunner.run(Files.readAllBytes(elf), elf.toString(), argv,
                InputStream.nullInputStream(), out, new ByteArrayOutputStream(), 60_000_000_000_000L);
        return new Run(out.toByteArray(), r.exitCode(), r.error());
    }
}
