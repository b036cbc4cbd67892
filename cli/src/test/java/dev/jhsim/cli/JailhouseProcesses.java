package dev.jhsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the command line as real processes, as a user would, with their own
 * runtime directory; the board daemons they start use the fake board unless
 * {@code realBoard}. Cleans up any daemon a test leaves behind.
 */
final class JailhouseProcesses implements AutoCloseable {
    private final Path runtime;
    private final Path work;
    private final boolean realBoard;

    /** One finished process. */
    record Result(int status, String out, String err) {
    }

    JailhouseProcesses(Path root, boolean realBoard) throws IOException {
        this.runtime = Files.createDirectories(root.resolve("run"));
        this.work = Files.createDirectories(root.resolve("work"));
        this.realBoard = realBoard;
    }

    /** The directory commands run in. */
    Path work() {
        return work;
    }

    /** Where the daemons put their sockets. */
    Path runtimeDirectory() {
        return runtime.resolve("jhsim");
    }

    ProcessBuilder builder(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (!realBoard) {
            command.add("-D" + BoardOpener.OPENER_PROPERTY + "=" + FakeBoard.class.getName());
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().remove("JAILHOUSE_BOARD");
        builder.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        builder.environment().putAll(environment);
        return builder;
    }

    Result run(String... args) {
        return run(Map.of(), args);
    }

    Result run(Map<String, String> environment, String... args) {
        return start(environment, args).finish();
    }

    /** A started command, its output going to files. */
    record Running(Process process, Path out, Path err, String what) {
        /** What it printed so far. */
        String output() {
            try {
                return Files.readString(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits for it (at most a minute) and returns what it did. */
        Result finish() {
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(what + ": did not finish within 60 s");
                }
                return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Starts a command for the caller to finish or kill. */
    Running start(Map<String, String> environment, String... args) {
        try {
            Path out = Files.createTempFile(work.getParent(), "out", ".txt");
            Path err = Files.createTempFile(work.getParent(), "err", ".txt");
            Process process = builder(environment, args).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            return new Running(process, out, err, String.join(" ", args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills whatever daemon is still alive (their pids are in their lock files). */
    @Override
    public void close() throws IOException {
        if (!Files.isDirectory(runtimeDirectory())) {
            return;
        }
        try (Stream<Path> locks = Files.list(runtimeDirectory())) {
            for (Path lock : locks.filter(f -> f.toString().endsWith(".lock")).toList()) {
                String pid = Files.readString(lock).trim();
                if (!pid.isEmpty()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }
}
