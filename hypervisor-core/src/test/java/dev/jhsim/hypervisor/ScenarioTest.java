package dev.jhsim.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.hypervisor.core.CellFailure;
import dev.jhsim.hypervisor.core.PhysicalMemory;
import dev.jhsim.hypervisor.driver.CellRef;
import dev.jhsim.hypervisor.driver.CellStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demos and test inmates of the inmates module under the hypervisor
 * on qemu-arm64: gic-demo's timer, ivshmem doorbells between two cells, a
 * violation that fails one cell while another runs on, the hypercall and
 * SMP tests, and the statistics they leave.
 */
class ScenarioTest {
    private static final String TIMER = "Timer fired";

    /** The scenario: 2 s of gic-demo show 20 ± 1 timer lines; shutdown, destroy and disable follow. */
    @Test
    void gicDemoTicksTenTimesASecond() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            q.start("qemu-arm64-inmate-demo", "demos/arm64/gic-demo.bin", null);
            q.runMs(2000);
            int lines = count(q.uart.toString(), TIMER);
            assertTrue(lines >= 19 && lines <= 21, lines + " timer lines in 2 s");
            assertEquals("running", q.driver.cells().get(1).state());
            Map<String, Long> stats = q.driver.statistics(CellRef.byName("inmate-demo"), -1);
            assertEquals(lines, stats.get("vmexits_virt_irq"), "one interrupt exit per timer line");
            assertTrue(stats.get("vmexits_mmio") > 0, "the GIC's redistributor is emulated");
            long sum = stats.entrySet().stream().filter(e -> !e.getKey().equals("vmexits_total"))
                    .mapToLong(Map.Entry::getValue).sum();
            assertTrue(stats.get("vmexits_total") >= sum - stats.get("vmexits_management"), stats.toString());
            assertEquals(stats, q.driver.statistics(CellRef.byName("inmate-demo"), 1), "its only CPU");
            q.driver.cellLoad(CellRef.byName("inmate-demo"), List.of());
            assertEquals("shut down", q.driver.cells().get(1).state());
            int stopped = count(q.uart.toString(), TIMER);
            q.runMs(500);
            assertEquals(stopped, count(q.uart.toString(), TIMER), "a shut-down cell prints nothing");
            q.driver.cellDestroy(CellRef.byName("inmate-demo"));
            q.driver.disable();
            assertFalse(q.driver.enabled());
        }
    }

    @Test
    void runsAreDeterministic() throws Exception {
        String[] runs = new String[2];
        for (int n = 0; n < 2; n++) {
            try (Qemu q = new Qemu()) {
                q.enable();
                q.start("qemu-arm64-inmate-demo", "demos/arm64/gic-demo.bin", null);
                q.start("qemu-arm64-ivshmem-demo-1", "demos/arm64/ivshmem-demo.bin", null);
                q.start("qemu-arm64-ivshmem-demo-2", "demos/arm64/ivshmem-demo.bin", null);
                q.runMs(1200);
                runs[n] = q.uart + "\n" + q.console() + q.driver.statistics(CellRef.byId(2), -1);
            }
        }
        assertEquals(runs[0], runs[1]);
    }

    @Test
    void ivshmemDoorbellsGoBothWays() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            q.console();
            q.start("qemu-arm64-ivshmem-demo-1", "demos/arm64/ivshmem-demo.bin", null);
            q.start("qemu-arm64-ivshmem-demo-2", "demos/arm64/ivshmem-demo.bin", null);
            String console = q.console();
            assertTrue(console.contains("""
                    Adding virtual PCI device 00:00.0 to cell "ivshmem-demo-2"
                    Shared memory connection established, peer cells:
                     "qemu-arm64"
                     "ivshmem-demo-1"
                    """), console);
            q.runMs(1600);
            String uart = q.uart.toString();
            for (int n = 1; n <= 3; n++) {
                assertTrue(uart.contains("IVSHMEM: peer 2 got a doorbell: peer 1 says " + n), uart);
                assertTrue(uart.contains("IVSHMEM: peer 1 got a doorbell: peer 2 says " + n), uart);
            }
            PhysicalMemory memory = new PhysicalMemory(q.board.machine().bus());
            long stateTable = 0x7FAF_0000L;
            assertEquals(List.of(0, 1, 1), List.of(memory.read32(stateTable), memory.read32(stateTable + 4),
                    memory.read32(stateTable + 8)), "peer 0 (the root cell) never comes up");
            q.driver.cellDestroy(CellRef.byName("ivshmem-demo-2"));
            q.runMs(10);
            assertTrue(q.uart.toString().contains("IVSHMEM: peer 1 sees peer 2 in state 0"), q.uart.toString());
            assertEquals(0, memory.read32(stateTable + 8), "a peer that leaves is down");
        }
    }

    /** An access outside the cell parks its CPU with upstream's report, fails the cell, and the other cell runs on. */
    @Test
    void aViolationFailsItsCellAlone() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            q.start("qemu-arm64-inmate-demo", "demos/arm64/gic-demo.bin", null);
            q.console();
            q.start("qemu-arm64-violation", "tests/arm64/violation.bin", null);
            q.runMs(100);
            assertTrue(q.uart.toString().contains("Access violation test: writing to 0x40000000, outside this cell"));
            assertFalse(q.uart.toString().contains("FAILED"), "the write did not go through");
            String console = q.console();
            assertTrue(console.contains("""
                    Unhandled data write at 0x40000000(4)

                    FATAL: unhandled trap (exception class 0x24)
                    Cell state before exception:
                     pc: """), console);
            assertTrue(console.endsWith("\nParking CPU 4 (Cell: \"violation\")\n"), console);
            assertTrue(console.matches("(?s).* sp: [0-9a-f]{16}  elr: [0-9a-f]{16}  esr: 24 1 1800045\n"
                    + " x0: 00000000deadbeef   x1: 0000000040000000 .*"), console);
            List<CellFailure> failures = q.board.failures();
            assertEquals(1, failures.size());
            CellFailure failure = failures.get(0);
            assertEquals("violation", failure.cell());
            assertEquals(4, failure.cpu());
            assertEquals(0x24, failure.exceptionClass());
            assertTrue(failure.cellFailed());
            assertTrue(console.endsWith(failure.report()), "the report is what the console said");
            CellStatus violation = q.driver.cells().get(2);
            assertEquals("failed", violation.state());
            assertEquals(List.of(4), violation.failedCpus());
            int before = count(q.uart.toString(), TIMER);
            q.runMs(1000);
            int after = count(q.uart.toString(), TIMER);
            assertTrue(after - before >= 9, "gic-demo runs on: " + (after - before) + " lines in 1 s");
            q.driver.cellDestroy(CellRef.byName("violation"));
            assertEquals(2, q.driver.cells().size());
        }
    }

    @Test
    void hypercallsGetUpstreamsResults() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            q.console();
            q.start("qemu-arm64-hypercalls", "tests/arm64/hypercalls.bin", null);
            q.runMs(100);
            String uart = q.uart.toString();
            assertTrue(uart.contains("hypercalls: all 26 checks passed"), uart);
            assertTrue(uart.contains("GET_INFO: mem pool 27/1020 pages, remap pool 528/131072 pages, 2 cells"), uart);
            assertTrue(q.console().endsWith("Started cell \"hypercalls\"\nhypercalls: written with"
                    + " DEBUG_CONSOLE_PUTC\n"), "the permitted cell's characters reach the hypervisor console");
            Map<String, Long> stats = q.driver.statistics(CellRef.byName("hypercalls"), 6);
            assertTrue(stats.get("vmexits_hypercall") > 40, stats.toString());
            assertEquals(6, stats.get("vmexits_psci"), "VERSION, FEATURES twice, AFFINITY_INFO twice, CPU_ON");
            assertEquals(2, stats.get("vmexits_smccc"), "SMCCC VERSION and ARCH_FEATURES");
        }
    }

    @Test
    void aSecondCpuStartsWithPsciAndGetsAnSgi() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            q.start("qemu-arm64-smp", "tests/arm64/smp.bin", null);
            q.runMs(100);
            String uart = q.uart.toString();
            assertTrue(uart.contains("SMP test: hello from the second CPU, MPIDR 0x8"), uart);
            assertTrue(uart.contains("SMP test: all 6 checks passed"), uart);
            Map<String, Long> second = q.driver.statistics(CellRef.byName("smp"), 8);
            assertEquals(1, second.get("vmexits_virt_sgi"), "the SGI arrived through SGI_INJECT");
            assertEquals(1, second.get("vmexits_psci"), "its CPU_OFF");
            Map<String, Long> first = q.driver.statistics(CellRef.byName("smp"), 7);
            assertTrue(first.get("vmexits_psci") >= 4, first.toString());
            assertEquals(List.of(), q.driver.cells().get(1).failedCpus());
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }
}
