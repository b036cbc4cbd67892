package dev.jhsim.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.hypervisor.driver.CellRef;
import dev.jhsim.hypervisor.driver.Errno;
import dev.jhsim.hypervisor.driver.PreloadImage;
import dev.jhsim.machine.sim.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cells with an active communication region are asked before they are shut
 * down and told about reconfigurations; they may deny, lock the system, or
 * not answer at all.
 */
class MessagesTest {
    private static final CellRef DENY = CellRef.byName("shutdown-deny");

    @Test
    void aShutdownDeniedOnceThenApproved() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            q.start("qemu-arm64-shutdown-deny", "tests/arm64/shutdown-deny.bin", null);
            q.runMs(50);
            long before = q.board.now();
            CellManagementTest.refused(Errno.EPERM, "cell \"shutdown-deny\" denied the shutdown request",
                    () -> q.driver.cellLoad(DENY, List.of()));
            assertTrue(q.board.now() > before, "the hypervisor waited for the answer in virtual time");
            assertEquals("running", q.driver.cells().get(1).state());
            q.driver.cellLoad(DENY, List.of());
            assertEquals("shut down", q.driver.cells().get(1).state());
            String uart = q.uart.toString();
            assertTrue(uart.contains("Shutdown test: request 1 denied"), uart);
            assertTrue(uart.contains("Shutdown test: request 2 approved, stopping"), uart);
        }
    }

    @Test
    void destroyAsksToo() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            q.start("qemu-arm64-shutdown-deny", "tests/arm64/shutdown-deny.bin", null);
            q.runMs(50);
            CellManagementTest.refused(Errno.EPERM, "denied", () -> q.driver.cellDestroy(DENY));
            assertEquals(2, q.driver.cells().size());
            q.driver.disable();
            assertTrue(q.uart.toString().contains("request 2 approved"), "disable asked again: " + q.uart);
        }
    }

    @Test
    void aLockedCellKeepsOthersFromComingAndGoing() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            q.start("qemu-arm64-inmate-demo", "demos/arm64/gic-demo.bin", null);
            q.start("qemu-arm64-shutdown-deny", "tests/arm64/shutdown-deny.bin", "lock");
            q.runMs(50);
            assertTrue(q.uart.toString().contains("Shutdown test: cell locked"), q.uart.toString());
            assertEquals("running/locked", q.driver.cells().get(2).state());
            q.console();
            CellManagementTest.refused(Errno.EPERM, "cell \"shutdown-deny\" is locked",
                    () -> q.driver.cellCreate(Qemu.config("qemu-arm64-violation")));
            assertEquals("Cannot create cell \"violation\": cell \"shutdown-deny\" is locked (running/locked)\n",
                    q.console());
            CellManagementTest.refused(Errno.EPERM, "cell \"shutdown-deny\" is locked",
                    () -> q.driver.cellDestroy(CellRef.byName("inmate-demo")));
            q.driver.cellLoad(CellRef.byName("inmate-demo"), List.of());
            assertEquals("shut down", q.driver.cells().get(1).state(), "a locked system still shuts cells down");
            CellManagementTest.refused(Errno.EPERM, "denied", () -> q.driver.cellLoad(DENY, List.of()));
            q.driver.cellLoad(DENY, List.of());
            q.driver.cellCreate(Qemu.config("qemu-arm64-violation"));
        }
    }

    @Test
    void cellsAreToldAboutReconfigurations() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            q.start("qemu-arm64-shutdown-deny", "tests/arm64/shutdown-deny.bin", null);
            q.runMs(50);
            long before = q.board.now();
            q.driver.cellCreate(Qemu.config("qemu-arm64-violation"));
            assertTrue(q.board.now() > before, "the hypervisor waited for the acknowledgement");
            q.driver.cellDestroy(CellRef.byName("violation"));
            CellManagementTest.refused(Errno.EPERM, "denied", () -> q.driver.cellLoad(DENY, List.of()));
            q.driver.cellLoad(DENY, List.of());
            assertTrue(q.uart.toString().contains("request 1 denied"), "the notices were not taken as requests");
        }
    }

    /** A cell that never answers (gic-demo does not poll) with a reply timeout: it is failed, the request goes on. */
    @Test
    void aCellThatDoesNotAnswerInTimeFails() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            startSilent(q, "PROBE_TIMEOUT=1000000");
            q.runMs(300);
            q.console();
            long before = q.board.now();
            q.driver.cellLoad(CellRef.byName("probe"), List.of());
            long waited = q.board.now() - before;
            assertTrue(waited >= Simulation.PS_PER_SECOND / 1000 && waited < 2 * Simulation.PS_PER_SECOND / 1000,
                    "a million loops at 1 GHz: " + waited + " ps");
            assertEquals("Timeout expired while waiting for reply from target cell\nCell \"probe\" can be loaded\n",
                    q.console());
            assertEquals("shut down", q.driver.cells().get(1).state());
        }
    }

    /** Without a timeout upstream waits forever; jhsim gives up after 10 s of virtual time. */
    @Test
    void aCellThatNeverAnswersInterruptsTheRequest() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            startSilent(q, "PROBE_TIMEOUT=0");
            q.runMs(300);
            long before = q.board.now();
            CellManagementTest.refused(Errno.EINTR, "did not answer the shutdown request within 10 s",
                    () -> q.driver.cellLoad(CellRef.byName("probe"), List.of()));
            assertEquals(10 * Simulation.PS_PER_SECOND, q.board.now() - before);
            assertEquals("running", q.driver.cells().get(1).state());
            int lines = q.uart.toString().split("Timer fired", -1).length - 1;
            assertTrue(lines >= 100, "the cell ran meanwhile: " + lines + " timer lines");
        }
    }

    /** A cell with an active communication region running gic-demo, which never looks at its messages. */
    private static void startSilent(Qemu q, String timeout) throws Exception {
        q.driver.cellCreate(CellManagementTest.probe("PROBE_FLAGS=0", "PROBE_CPUS=(1 << 1)", "PROBE_RAM=0",
                timeout));
        q.driver.cellLoad(CellRef.byName("probe"), List.of(new PreloadImage(Qemu.inmate("demos/arm64/gic-demo.bin"),
                0)));
        q.driver.cellStart(CellRef.byName("probe"));
    }
}
