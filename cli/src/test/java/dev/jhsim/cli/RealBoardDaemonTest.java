package dev.jhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upstream README's qemu-arm64 sequence, typed as written, by real
 * command-line processes against a real board daemon running the hypervisor
 * core with the bundled configurations and inmates; and the errors a user
 * meets on the way. (The daemon's own mechanics — selection, concurrent and
 * vanishing clients, killed daemons — are board-independent and covered by
 * {@link BoardDaemonTest}.)
 */
class RealBoardDaemonTest {
    @TempDir
    Path root;

    private JailhouseProcesses jailhouse;

    @BeforeEach
    void processes() throws Exception {
        jailhouse = new JailhouseProcesses(root, true);
    }

    @AfterEach
    void killLeftovers() throws Exception {
        jailhouse.close();
    }

    private String ok(String... args) {
        JailhouseProcesses.Result result = jailhouse.run(args);
        assertEquals(0, result.status(), String.join(" ", args) + ": " + result.err());
        assertEquals("", result.err(), String.join(" ", args));
        return result.out();
    }

    private void fails(String error, String... args) {
        JailhouseProcesses.Result result = jailhouse.run(args);
        assertEquals(1, result.status(), String.join(" ", args));
        assertEquals(error + "\n", result.err(), String.join(" ", args));
    }

    private String awaitUart(String text) throws InterruptedException {
        String seen = "";
        for (int i = 0; i < 100 && !seen.contains(text); i++) {
            Thread.sleep(100);
            seen = ok("board", "console", "uart0");
        }
        assertTrue(seen.contains(text), seen);
        return seen;
    }

    @Test
    void theUpstreamReadmeSequenceWorksAsTyped() throws Exception {
        String started = ok("board", "start", "qemu-arm64", "--export", ".");
        assertTrue(started.contains("Listening on "), started);
        assertTrue(Files.isRegularFile(jailhouse.work().resolve("configs/arm64/qemu-arm64.cell")));

        fails("opening configs/arm64/qemu-arm64-nope.cell: No such file or directory",
                "enable", "configs/arm64/qemu-arm64-nope.cell");
        ok("enable", "configs/arm64/qemu-arm64.cell");
        ok("cell", "create", "configs/arm64/qemu-arm64-inmate-demo.cell");
        ok("cell", "load", "inmate-demo", "inmates/demos/arm64/gic-demo.bin");
        ok("cell", "start", "inmate-demo");
        awaitUart("Timer fired, jitter:");
        String row = "%-8s%-24s%-18s%-24s%-24s%n"; // upstream's printf, trailing padding included
        assertEquals(String.format(row, "ID", "Name", "State", "Assigned CPUs", "Failed CPUs")
                + String.format(row, "0", "qemu-arm64", "running", "0,2-15", "")
                + String.format(row, "1", "inmate-demo", "running", "1", ""), ok("cell", "list"));
        String stats = ok("cell", "stats", "inmate-demo");
        assertTrue(stats.startsWith("Statistics for inmate-demo cell\n"), stats);
        assertTrue(stats.contains("vmexits_virt_irq"), stats);

        fails("JAILHOUSE_CELL_START: No such file or directory\njhsim: no cell named nosuch",
                "cell", "start", "nosuch");
        // A second cell wanting inmate-demo's CPU 1.
        String json = ok("config", "dump", "--json", "configs/arm64/qemu-arm64-inmate-demo.cell")
                .replace("\"name\": \"inmate-demo\"", "\"name\": \"second-demo\"");
        Files.writeString(jailhouse.work().resolve("second-demo.json"), json);
        fails("JAILHOUSE_CELL_CREATE: Device or resource busy\njhsim: CPU 1 does not belong to the root cell",
                "cell", "create", "second-demo.json");

        // A running cell that is asked before it is stopped, and says no the first time.
        ok("cell", "create", "configs/arm64/qemu-arm64-shutdown-deny.cell");
        ok("cell", "load", "shutdown-deny", "inmates/tests/arm64/shutdown-deny.bin");
        ok("cell", "start", "shutdown-deny");
        awaitUart("Shutdown test: waiting for shutdown requests");
        JailhouseProcesses.Result denied = jailhouse.run("cell", "load", "shutdown-deny",
                "inmates/tests/arm64/shutdown-deny.bin");
        assertEquals(1, denied.status());
        assertTrue(denied.err().startsWith("JAILHOUSE_CELL_LOAD: Operation not permitted\n"), denied.err());
        ok("cell", "shutdown", "shutdown-deny");
        awaitUart("Shutdown test: request 2 approved, stopping");
        ok("cell", "destroy", "shutdown-deny");

        ok("cell", "shutdown", "inmate-demo");
        ok("cell", "destroy", "inmate-demo");
        ok("disable");
        String console = ok("console");
        assertTrue(console.contains("Activating hypervisor\n"), console);
        assertTrue(console.contains("Closing cell \"inmate-demo\"\n"), console);
        assertEquals("Board qemu-arm64 stopped\n", ok("board", "stop"));
    }

    @Test
    void aMissingBoardIsOneLine() {
        fails("jailhouse: no board is running (start one with 'jailhouse board start qemu-arm64')",
                "cell", "list");
        JailhouseProcesses.Result unknown = jailhouse.run(Map.of(), "board", "start", "no-such-board");
        assertEquals(2, unknown.status(), "an unknown board is a usage error");
        assertEquals("jailhouse: unknown board 'no-such-board', expected one of qemu-arm64\n", unknown.err());
    }
}
