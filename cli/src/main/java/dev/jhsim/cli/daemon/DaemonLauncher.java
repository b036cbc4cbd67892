package dev.jhsim.cli.daemon;

import dev.jhsim.cli.UserError;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a board daemon as a process of its own, detached from the terminal
 * ({@code setsid}) so that it outlives the shell, and waits until it answers
 * on its socket or reports why it could not start.
 */
public final class DaemonLauncher {
    /** The longest socket path Linux accepts ({@code sun_path} less its terminator). */
    private static final int MAX_SOCKET_PATH = 107;
    private static final long START_TIMEOUT_MILLIS = 60_000;
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private DaemonLauncher() {
    }

    /** Starts the daemon {@code options} describe; returns its address once it answers. */
    public static BoardAddress start(BoardDaemon.Options options, Map<String, String> environment) {
        Path dir = RuntimeDirectory.ensure(environment);
        BoardAddress address = RunningBoards.named(environment, options.name());
        int length = address.socket().toString().getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_SOCKET_PATH) {
            throw new UserError("jailhouse board start: socket path " + address.socket() + " is " + length
                    + " bytes, at most " + MAX_SOCKET_PATH + " work; use a shorter --name or XDG_RUNTIME_DIR");
        }
        if (RunningBoards.answers(address.socket())) {
            throw new UserError("jailhouse board start: a board named '" + options.name() + "' is already running ("
                    + address.socket() + ")");
        }
        Path output = dir.resolve(options.name() + ".out");
        ProcessBuilder builder = new ProcessBuilder(command(options))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null) {
            builder.environment().put("XDG_RUNTIME_DIR", runtime);
        } else {
            builder.environment().remove("XDG_RUNTIME_DIR");
        }
        Process daemon;
        try {
            daemon = builder.start();
        } catch (IOException e) {
            throw new UserError("jailhouse board start: cannot start the daemon: " + e.getMessage());
        }
        awaitReady(daemon, address, output);
        return address;
    }

    private static List<String> command(BoardDaemon.Options options) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        System.getProperties().stringPropertyNames().stream().filter(p -> p.startsWith("jhsim.")).sorted()
                .forEach(p -> command.add("-D" + p + "=" + System.getProperty(p)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.jhsim.cli.Main",
                "board", "daemon", "--board", options.board(), "--name", options.name(),
                "--speed", options.speed().label()));
        if (options.uartLogs() != null) {
            command.addAll(List.of("--uart-log", options.uartLogs().toString()));
        }
        return command;
    }

    private static void awaitReady(Process daemon, BoardAddress address, Path output) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!RunningBoards.answers(address.socket())) {
            if (!daemon.isAlive()) {
                throw new UserError(firstLine(output).orElse("jailhouse board start: the board daemon exited"
                        + " with status " + daemon.exitValue() + " (see " + address.log() + ")"));
            }
            if (System.currentTimeMillis() > deadline) {
                daemon.destroy();
                throw new UserError("jailhouse board start: the board daemon did not answer within "
                        + START_TIMEOUT_MILLIS / 1000 + " s (see " + address.log() + ")");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserError("jailhouse board start: interrupted");
            }
        }
    }

    private static java.util.Optional<String> firstLine(Path output) {
        try {
            return Files.readAllLines(output).stream().filter(l -> !l.isBlank()).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
