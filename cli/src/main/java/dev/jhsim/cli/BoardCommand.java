package dev.jhsim.cli;

import dev.jhsim.boards.Boards;
import dev.jhsim.cli.daemon.BoardAddress;
import dev.jhsim.cli.daemon.BoardDaemon;
import dev.jhsim.cli.daemon.BoardStatus;
import dev.jhsim.cli.daemon.DaemonConnection;
import dev.jhsim.cli.daemon.DaemonLauncher;
import dev.jhsim.cli.daemon.RunningBoards;
import dev.jhsim.cli.daemon.Speed;
import dev.jhsim.machine.board.BoardDescriptionReader;
import dev.jhsim.machine.board.BoardFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jailhouse board ...}: simulated boards running as background daemons. */
@Command(name = "board", mixinStandardHelpOptions = true,
        description = {"Run simulated boards in the background.",
            "The upstream commands (enable, cell ...) talk to the running board; with several running,",
            "JAILHOUSE_BOARD=NAME (or a socket path) selects one."},
        subcommands = {BoardCommand.Start.class, BoardCommand.Stop.class, BoardCommand.Status.class,
            BoardCommand.ListBoards.class, BoardCommand.Console.class, BoardCommand.Export.class,
            BoardCommand.Daemon.class})
final class BoardCommand implements Runnable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing board command");
    }

    /** The daemon a board command without a name talks to: the selected one, or the named one. */
    static BoardAddress address(CommandContext context, String name) {
        return name == null ? RunningBoards.select(context.environment())
                : RunningBoards.named(context.environment(), name);
    }

    /** {@code jailhouse board start BOARD [--name N] [--speed realtime|max] [--uart-log DIR] [--export DIR]}. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Start a simulated board in the background and return once it listens. The board is",
                "powered on with the hypervisor disabled, as a board booted into Linux with jailhouse.ko loaded."})
    static final class Start implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(paramLabel = "BOARD", description = "A bundled board (see 'jailhouse board list').")
        String board;

        @Option(names = "--name", paramLabel = "NAME", description = "The daemon's name (default: BOARD).")
        String name;

        @Option(names = "--speed", paramLabel = "realtime|max", defaultValue = "realtime",
                description = "realtime: virtual time follows the wall clock (default); max: as fast as the host"
                        + " simulates while a cell runs.")
        String speed;

        @Option(names = "--uart-log", paramLabel = "DIR", description = "Also write each UART's output to DIR/UART.log.")
        Path uartLogs;

        @Option(names = "--export", paramLabel = "DIR",
                description = "First lay out the board's .cell files and inmates in DIR, in upstream's tree shape.")
        Path export;

        @Spec
        CommandSpec spec;

        Start(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            String daemonName = name == null ? board : name;
            if (!NAME.matcher(daemonName).matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "invalid name '" + daemonName
                        + "': letters, digits, '.', '_' and '-', at most 64");
            }
            Speed pace = speed(spec, speed);
            knownBoard(board);
            PrintWriter out = spec.commandLine().getOut();
            if (export != null) {
                BoardFiles.export(board, context.directory().resolve(export), out);
            }
            Path logs = null;
            if (uartLogs != null) {
                logs = context.directory().resolve(uartLogs).toAbsolutePath();
                try {
                    Files.createDirectories(logs);
                } catch (IOException e) {
                    throw new UserError("jailhouse board start: cannot create " + uartLogs + ": " + e.getMessage());
                }
            }
            BoardAddress address = DaemonLauncher.start(new BoardDaemon.Options(board, daemonName, pace, logs),
                    context.environment());
            try (DaemonConnection connection = DaemonConnection.open(address)) {
                BoardStatus status = connection.status();
                out.printf("Board %s (%s) running: pid %d, speed %s%n", status.name(), status.board(), status.pid(),
                        status.speed());
                out.printf("Listening on %s%n", address.socket());
            }
            if (RunningBoards.list(context.environment()).size() > 1) {
                out.printf("Several boards run now: select this one with %s=%s%n", RunningBoards.SELECTOR,
                        daemonName);
            }
            out.flush();
            return 0;
        }
    }

    /** {@code jailhouse board stop [NAME]}. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop a board daemon: UART logs are flushed, the board is powered off.")
    static final class Stop implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "The board (default: the selected one).")
        String name;

        @Spec
        CommandSpec spec;

        Stop(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws InterruptedException {
            BoardAddress address = address(context, name);
            long pid;
            try (DaemonConnection connection = DaemonConnection.open(address)) {
                pid = connection.status().pid();
                connection.stop();
            }
            Optional<ProcessHandle> daemon = ProcessHandle.of(pid);
            if (daemon.isPresent()) {
                try {
                    daemon.get().onExit().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    throw new UserError("jailhouse board stop: board '" + address.name() + "' (pid " + pid
                            + ") did not exit");
                }
            }
            spec.commandLine().getOut().printf("Board %s stopped%n", address.name());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code jailhouse board status [NAME]}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show a running board (default: the selected one, or every running one).")
    static final class Status implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "The board.")
        String name;

        @Spec
        CommandSpec spec;

        Status(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<BoardAddress> boards = name != null || context.environment().get(RunningBoards.SELECTOR) != null
                    ? List.of(address(context, name)) : RunningBoards.list(context.environment());
            if (boards.isEmpty()) {
                throw new UserError(RunningBoards.NONE_RUNNING);
            }
            PrintWriter out = spec.commandLine().getOut();
            for (BoardAddress board : boards) {
                try (DaemonConnection connection = DaemonConnection.open(board)) {
                    BoardStatus s = connection.status();
                    out.printf("%s: board %s, pid %d, speed %s, virtual time %.6f s%n", s.name(), s.board(), s.pid(),
                            s.speed(), s.virtualTimePs() / 1e12);
                    out.printf("  hypervisor: %s%n", s.enabled() ? "enabled, " + s.cells() + " cells" : "disabled");
                    out.printf("  UARTs: %s%s%n", String.join(", ", s.uarts()),
                            s.uartLogs().isEmpty() ? "" : " (logged to " + s.uartLogs() + ")");
                    out.printf("  socket: %s%n  log: %s%n", board.socket(), board.log());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code jailhouse board list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the bundled boards.")
    static final class ListBoards implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (String board : Boards.names()) {
                out.printf("%-16s%s%n", board, description(board));
            }
            out.flush();
            return 0;
        }

        private static String description(String board) {
            try {
                return BoardDescriptionReader.parse(Boards.description(board).orElseThrow()).description();
            } catch (BoardFormatException e) {
                return "(invalid description: " + e.getMessage() + ")";
            }
        }
    }

    /** {@code jailhouse board console UART [-f]}. */
    @Command(name = "console", mixinStandardHelpOptions = true,
            description = "Print what a UART of the selected board transmitted (its most recent 1 MiB).")
    static final class Console implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(paramLabel = "UART", description = "The UART, e.g. uart0 ('jailhouse board status' lists them).")
        String uart;

        @Option(names = {"-f", "--follow"}, description = "Keep printing new output until interrupted.")
        boolean follow;

        @Spec
        CommandSpec spec;

        Console(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws InterruptedException {
            try (DaemonConnection connection = DaemonConnection.open(RunningBoards.select(context.environment()))) {
                GrowingOutput.print(spec.commandLine().getOut(), follow, position -> connection.uart(uart, position));
            }
            return 0;
        }
    }

    /** {@code jailhouse board export BOARD DIR}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Lay out a board's .cell files and inmate images in DIR in upstream's tree shape",
                "(configs/ARCH/*.cell, inmates/demos/ARCH/*.bin, inmates/tests/ARCH/*.bin)."})
    static final class Export implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(index = "0", paramLabel = "BOARD", description = "A bundled board.")
        String board;

        @Parameters(index = "1", paramLabel = "DIR", description = "Where to put the files (created if needed).")
        Path dir;

        @Spec
        CommandSpec spec;

        Export(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            knownBoard(board);
            BoardFiles.export(board, context.directory().resolve(dir), spec.commandLine().getOut());
            return 0;
        }
    }

    /** The daemon process itself, started by {@code board start}. */
    @Command(name = "daemon", hidden = true)
    static final class Daemon implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--board", required = true)
        String board;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--speed", required = true)
        String speed;

        @Option(names = "--uart-log")
        Path uartLogs;

        @Spec
        CommandSpec spec;

        Daemon(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return BoardDaemon.run(new BoardDaemon.Options(board, name, speed(spec, speed), uartLogs),
                    context.environment(), System.err);
        }
    }

    private static Speed speed(CommandSpec spec, String text) {
        for (Speed s : Speed.values()) {
            if (s.label().equals(text)) {
                return s;
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "invalid speed '" + text
                + "', expected realtime or max");
    }

    private static void knownBoard(String board) {
        if (!Boards.names().contains(board)) {
            throw new UserError(2, "jailhouse: unknown board '" + board + "', expected one of "
                    + String.join(", ", Boards.names()));
        }
    }
}
