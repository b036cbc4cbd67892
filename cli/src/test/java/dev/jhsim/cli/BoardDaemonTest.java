package dev.jhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board daemon's mechanics with real processes (the command line and
 * the daemons it starts) on the fake board: start, selection, refusal of a
 * second daemon, concurrent and vanishing clients, a killed daemon, pacing,
 * and stop flushing the UART logs.
 */
class BoardDaemonTest {
    private static final Pattern PID = Pattern.compile("pid (\\d+)");

    @TempDir
    Path root;

    private JailhouseProcesses jailhouse;

    @BeforeEach
    void processes() throws Exception {
        jailhouse = new JailhouseProcesses(root, false);
        TestConfigs.tree(jailhouse.work());
    }

    @AfterEach
    void killLeftovers() throws Exception {
        jailhouse.close();
    }

    private String ok(Map<String, String> environment, String... args) {
        JailhouseProcesses.Result result = jailhouse.run(environment, args);
        assertEquals(0, result.status(), String.join(" ", args) + ": " + result.err());
        assertEquals("", result.err(), String.join(" ", args));
        return result.out();
    }

    private String ok(String... args) {
        return ok(Map.of(), args);
    }

    private void fails(String error, Map<String, String> environment, String... args) {
        JailhouseProcesses.Result result = jailhouse.run(environment, args);
        assertEquals(1, result.status(), String.join(" ", args));
        assertEquals(error + "\n", result.err(), String.join(" ", args));
    }

    /** Polls a UART of the selected board until {@code text} shows (at most 20 s). */
    private String awaitUart(Map<String, String> environment, String text) throws InterruptedException {
        String seen = "";
        for (int i = 0; i < 200 && !seen.contains(text); i++) {
            Thread.sleep(100);
            seen = ok(environment, "board", "console", "uart0");
        }
        assertTrue(seen.contains(text), seen);
        return seen;
    }

    @Test
    void theUpstreamSequenceRunsAgainstABoardDaemonAndStopFlushesTheUartLog() throws Exception {
        fails("jailhouse: no board is running (start one with 'jailhouse board start qemu-arm64')", Map.of(),
                "cell", "list");
        fails("opening configs/arm64/nope.cell: No such file or directory", Map.of(),
                "enable", "configs/arm64/nope.cell");
        Path socket = jailhouse.runtimeDirectory().resolve("qemu-arm64.sock");
        String started = ok("board", "start", "qemu-arm64", "--uart-log", "logs");
        assertTrue(started.contains("Listening on " + socket + "\n"), started);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                jailhouse.runtimeDirectory())));

        ok("enable", "configs/arm64/system.cell");
        ok("cell", "create", "configs/arm64/demo.cell");
        ok("cell", "load", "demo", "inmates/timer.bin");
        ok("cell", "start", "demo");
        assertTrue(ok("cell", "list").contains("\n1       demo                    running           1 "));
        assertTrue(ok("cell", "stats", "demo").startsWith("Statistics for demo cell\n"));
        awaitUart(Map.of(), "Timer fired 3\r\n");
        fails("JAILHOUSE_CELL_CREATE: Device or resource busy\njhsim: CPU 1 does not belong to the root cell",
                Map.of(), "cell", "create", "configs/arm64/other.cell");
        fails("JAILHOUSE_CELL_START: No such file or directory\njhsim: no cell named nosuch", Map.of(),
                "cell", "start", "nosuch");
        ok("cell", "shutdown", "demo");
        ok("cell", "destroy", "demo");
        ok("disable");
        assertTrue(ok("console").contains("Closing cell \"demo\"\nShutting down hypervisor\n"));
        String uart = ok("board", "console", "uart0");
        assertTrue(ok("board", "status").startsWith("qemu-arm64: board qemu-arm64, pid "));

        assertEquals("Board qemu-arm64 stopped\n", ok("board", "stop"));
        assertFalse(Files.exists(socket), "the socket is removed");
        assertEquals(uart, Files.readString(jailhouse.work().resolve("logs/uart0.log")),
                "the UART log holds everything the UART sent");
        fails("jailhouse: no board is running (start one with 'jailhouse board start qemu-arm64')", Map.of(),
                "board", "status");
    }

    @Test
    void severalBoardsAreSelectedByNameOrSocketAndPacedAsAsked() throws Exception {
        ok("board", "start", "qemu-arm64", "--name", "slow", "--speed", "realtime");
        String second = ok("board", "start", "qemu-arm64", "--name", "fast", "--speed", "max");
        assertTrue(second.contains("Several boards run now: select this one with JAILHOUSE_BOARD=fast"), second);
        fails("jailhouse: 2 boards are running (fast, slow); choose one with JAILHOUSE_BOARD=NAME", Map.of(),
                "cell", "list");
        fails("jailhouse: board 'gone' (JAILHOUSE_BOARD) is not running", Map.of("JAILHOUSE_BOARD", "gone"),
                "cell", "list");
        JailhouseProcesses.Result again = jailhouse.run("board", "start", "qemu-arm64", "--name", "slow");
        assertEquals(1, again.status());
        assertTrue(again.err().startsWith("jailhouse board start: a board named 'slow' is already running"),
                again.err());
        JailhouseProcesses.Result daemon = jailhouse.run("board", "daemon", "--board", "qemu-arm64", "--name",
                "slow", "--speed", "max");
        assertEquals(3, daemon.status(), "a second daemon of the same name refuses to run");
        assertEquals("jailhouse board start: a board named 'slow' is already running\n", daemon.err());

        Map<String, String> slow = Map.of("JAILHOUSE_BOARD", "slow");
        Map<String, String> fast = Map.of("JAILHOUSE_BOARD",
                jailhouse.runtimeDirectory().resolve("fast.sock").toString());
        for (Map<String, String> board : List.of(slow, fast)) {
            ok(board, "enable", "configs/arm64/system.cell");
            ok(board, "cell", "create", "configs/arm64/demo.cell");
            ok(board, "cell", "load", "demo", "inmates/timer.bin");
        }
        List<JailhouseProcesses.Running> together = new ArrayList<>();
        for (Map<String, String> board : List.of(slow, fast, slow, fast)) {
            together.add(jailhouse.start(board, "cell", "start", "demo"));
            together.add(jailhouse.start(board, "cell", "list"));
        }
        int started = 0;
        for (JailhouseProcesses.Running client : together) {
            JailhouseProcesses.Result result = client.finish();
            started += client.what().equals("cell start demo") && result.status() == 0 ? 1 : 0;
            assertTrue(result.status() == 0 || result.err().startsWith("JAILHOUSE_CELL_START"), result.err());
        }
        assertEquals(4, started, "starting a running cell restarts it; all clients were answered");

        awaitUart(slow, "Timer fired 1\r\n");
        long before = ok(slow, "board", "console", "uart0").lines().count();
        long start = System.nanoTime();
        Thread.sleep(2000);
        long slowLines = ok(slow, "board", "console", "uart0").lines().count() - before;
        double seconds = (System.nanoTime() - start) / 1e9;
        long fastLines = ok(fast, "board", "console", "uart0").lines().count();
        assertTrue(Math.abs(slowLines - 10 * seconds) <= 8, "realtime: 10 lines a second, saw " + slowLines
                + " in " + seconds + " s");
        assertTrue(fastLines > 10 * (slowLines + before), "max: far more than real time, saw " + fastLines);

        assertEquals("Board slow stopped\n", ok("board", "stop", "slow"));
        assertEquals("Board fast stopped\n", ok(fast, "board", "stop"));
    }

    @Test
    void theDaemonOutlivesVanishingClientsAndAKilledDaemonIsReplaced() throws Exception {
        ok("board", "start", "qemu-arm64", "--name", "x");
        ok("enable", "configs/arm64/system.cell");
        JailhouseProcesses.Running follower = jailhouse.start(Map.of(), "console", "-f");
        for (int i = 0; i < 200 && !follower.output().contains("Activating hypervisor"); i++) {
            Thread.sleep(50);
        }
        assertTrue(follower.output().contains("Activating hypervisor"), follower.output());
        follower.process().destroyForcibly().waitFor();
        Path socket = jailhouse.runtimeDirectory().resolve("x.sock");
        try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            raw.connect(UnixDomainSocketAddress.of(socket));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(raw));
            out.writeUTF("jhsim-board-protocol 1");
            out.writeByte(0); // ENABLE, announcing 1000 bytes of configuration and sending 3
            out.writeInt(1000);
            out.write(new byte[3]);
            out.flush();
        }
        assertTrue(ok("cell", "list").startsWith("ID      Name"), "the daemon still answers");

        Matcher pid = PID.matcher(ok("board", "status"));
        assertTrue(pid.find());
        ProcessHandle daemon = ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow();
        daemon.destroyForcibly();
        daemon.onExit().get();
        assertTrue(Files.exists(socket), "a killed daemon leaves its socket behind");
        fails("jailhouse: no board is running (start one with 'jailhouse board start qemu-arm64')", Map.of(),
                "cell", "list");
        JailhouseProcesses.Result stale = jailhouse.run(Map.of("JAILHOUSE_BOARD", "x"), "cell", "list");
        assertEquals(1, stale.status());
        assertTrue(stale.err().startsWith("jailhouse: board 'x' is not running (" + socket + " does not answer"),
                stale.err());
        assertEquals(1, stale.err().lines().count(), stale.err());

        ok("board", "start", "qemu-arm64", "--name", "x");
        assertEquals("", ok("cell", "list"), "a new board, powered on with the hypervisor disabled");
        assertTrue(Files.readString(jailhouse.runtimeDirectory().resolve("x.log"))
                .contains("removed the stale socket " + socket));

        Matcher restarted = PID.matcher(ok("board", "status"));
        assertTrue(restarted.find());
        ProcessHandle terminated = ProcessHandle.of(Long.parseLong(restarted.group(1))).orElseThrow();
        terminated.destroy(); // SIGTERM
        terminated.onExit().get();
        assertFalse(Files.exists(socket), "a terminated daemon removes its socket");
        assertTrue(Files.readString(jailhouse.runtimeDirectory().resolve("x.log")).contains("board x stopped"));
    }
}
