package dev.jhsim.cli.daemon;

import dev.jhsim.cli.UserError;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the board daemons of this user and picks the one a command talks
 * to: {@code JAILHOUSE_BOARD} (a name, or a socket path), else the only one
 * running.
 */
public final class RunningBoards {
    /** The environment variable that selects a board. */
    public static final String SELECTOR = "JAILHOUSE_BOARD";

    /** What a command that needs a board says when none runs. */
    public static final String NONE_RUNNING =
            "jailhouse: no board is running (start one with 'jailhouse board start qemu-arm64')";

    private static final String SOCKET_SUFFIX = ".sock";

    private RunningBoards() {
    }

    /** The boards whose daemons answer, by name; stale sockets of dead daemons are skipped. */
    public static List<BoardAddress> list(Map<String, String> environment) {
        Path dir = RuntimeDirectory.of(environment);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SOCKET_SUFFIX)).sorted()
                    .map(RunningBoards::address).filter(b -> answers(b.socket())).toList();
        } catch (IOException e) {
            throw new UserError("jailhouse: cannot list " + dir + ": " + e.getMessage());
        }
    }

    /** The address of the board called {@code name} (running or not). */
    public static BoardAddress named(Map<String, String> environment, String name) {
        return new BoardAddress(name, RuntimeDirectory.socket(RuntimeDirectory.of(environment), name));
    }

    /**
     * The board a command talks to: {@code JAILHOUSE_BOARD} if set, else the
     * only one running; one line saying what to do when there is none or a
     * choice to make.
     */
    public static BoardAddress select(Map<String, String> environment) {
        String selector = environment.get(SELECTOR);
        if (selector != null && !selector.isEmpty()) {
            BoardAddress board = selector.contains("/") ? address(Path.of(selector)) : named(environment, selector);
            if (!Files.exists(board.socket())) {
                throw new UserError("jailhouse: board '" + selector + "' (" + SELECTOR + ") is not running");
            }
            return board;
        }
        List<BoardAddress> running = list(environment);
        if (running.isEmpty()) {
            throw new UserError(NONE_RUNNING);
        }
        if (running.size() > 1) {
            throw new UserError("jailhouse: " + running.size() + " boards are running ("
                    + String.join(", ", running.stream().map(BoardAddress::name).toList())
                    + "); choose one with " + SELECTOR + "=NAME");
        }
        return running.get(0);
    }

    /** Whether a daemon accepts connections on {@code socket} (a dead daemon's socket refuses them). */
    static boolean answers(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }

    private static BoardAddress address(Path socket) {
        String file = socket.getFileName().toString();
        String name = file.endsWith(SOCKET_SUFFIX) ? file.substring(0, file.length() - SOCKET_SUFFIX.length()) : file;
        return new BoardAddress(name, socket);
    }
}
