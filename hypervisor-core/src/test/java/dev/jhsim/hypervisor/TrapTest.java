package dev.jhsim.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.hypervisor.core.CellFailure;
import dev.jhsim.hypervisor.driver.CellRef;
import dev.jhsim.hypervisor.driver.PreloadImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Traps a cell's code causes, from a few instructions loaded at cell
 * address 0 of the probe cell (CPU 9): what the hypervisor emulates, what it
 * refuses, and the report of each fatal one.
 */
class TrapTest {
    private static final int X0 = 0;
    private static final int X1 = 1;
    private static final int X2 = 2;
    private static final int LOOP = 0x1400_0000;

    @Test
    void aHypercallWithAnotherImmediateIsForbidden() throws Exception {
        String report = fatal(program(0xD400_0002 | 0x1234 << 5)).report();
        assertTrue(report.startsWith("\nFATAL: forbidden access (exception class 0x16)\nCell state before"
                + " exception:\n pc: 0000000000000004 "), report);
    }

    @Test
    void anSmcOfAnUnknownOwnerIsUnhandledAfterBeingSkipped() throws Exception {
        String report = fatal(program(mov(X0, 0x8600_0000L), 0xD400_0003)).report();
        assertTrue(report.startsWith("\nFATAL: unhandled trap (exception class 0x17)\n"), report);
        assertTrue(report.contains(" pc: 0000000000000014 "), "after the SMC, as upstream skips first: " + report);
        assertTrue(report.contains("elr: 0000000000000010"), "ELR as the trap found it: " + report);
    }

    @Test
    void siliconProviderCallsAreNotSupported() throws Exception {
        try (Qemu q = started(program(mov(X0, 0x8200_0000L), 0xD400_0003, LOOP))) {
            assertEquals(-1, q.board.machine().guest(9).x(0));
            assertEquals(1, q.driver.statistics(CellRef.byName("probe"), 9).get("vmexits_smccc"));
            assertTrue(q.board.failures().isEmpty());
        }
    }

    /** Upstream hands the firmware's "not supported" back as the trap's result, which reads as forbidden. */
    @Test
    void theSecondSpectreWorkaroundWithoutFirmwareSupportParksTheCpu() throws Exception {
        assertEquals(0x17, fatal(program(mov(X0, 0x8000_7FFFL), 0xD400_0003)).exceptionClass());
    }

    @Test
    void aTrappedSystemRegisterOtherThanSgi1rIsUnhandled() throws Exception {
        String report = fatal(program(0xD518_1020)).report();
        assertTrue(report.startsWith("\nFATAL: unhandled trap (exception class 0x18)\n"), report);
    }

    @Test
    void aFetchOutsideTheCell() throws Exception {
        CellFailure failure = fatal(program(mov(X1, 0x4000_0000L), 0xD61F_0020));
        assertTrue(failure.report().startsWith("FATAL: instruction abort at 0x40000000\n\nFATAL: forbidden access"
                + " (exception class 0x20)\n"), failure.report());
        assertEquals(0x4000_0000L, failure.pc());
    }

    @Test
    void aPairLoadOutsideTheCellCannotBeEmulated() throws Exception {
        String report = fatal(program(mov(X2, 0x4000_0000L), 0xA940_0440)).report();
        assertTrue(report.startsWith("Unhandled data read at 0x40000000(1)\n\nFATAL: unhandled trap"), report);
    }

    /** A sub-page region (256 bytes of the RTC) is emulated access by access, at the widths it permits. */
    @Test
    void subPageRegionsCheckEachAccess() throws Exception {
        List<String> rtc = new ArrayList<>();
        try (Qemu q = new Qemu()) {
            q.board.machine().devices().onUnimplementedAccess(a -> rtc.add(a.toString()));
            q.enable();
            q.driver.cellCreate(CellManagementTest.probe("PROBE_EXTRA_PHYS=0x09010000", "PROBE_EXTRA_VIRT=0x09010000",
                    "PROBE_EXTRA_SIZE=0x100", "PROBE_EXTRA_FLAGS=(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |"
                            + " JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_32)"));
            load(q, program(mov(X1, 0x0901_0000L), mov(X0, 0x55), 0xB900_0020, 0xB940_0422, 0x3900_0020, LOOP));
            q.runMs(1);
            assertEquals(List.of("rtc: write 0x0/4 = 0x55", "rtc: read 0x4/4"), rtc);
            String report = q.board.failures().get(0).report();
            assertTrue(report.startsWith("FATAL: Invalid MMIO write, address: 9010000, size: 1\n\nFATAL: forbidden"
                    + " access (exception class 0x24)\n"), report);
        }
    }

    // ---- running a program ----

    private static CellFailure fatal(byte[] program) throws Exception {
        try (Qemu q = started(program)) {
            List<CellFailure> failures = q.board.failures();
            assertEquals(1, failures.size(), q.console());
            CellFailure failure = failures.get(0);
            assertEquals("probe", failure.cell());
            assertEquals(9, failure.cpu());
            assertTrue(failure.report().endsWith("\nParking CPU 9 (Cell: \"probe\")\n"), failure.report());
            assertEquals("failed", q.driver.cells().get(1).state());
            return failure;
        }
    }

    private static Qemu started(byte[] program) throws Exception {
        Qemu q = new Qemu();
        q.enable();
        q.driver.cellCreate(CellManagementTest.probe());
        load(q, program);
        q.runMs(1);
        return q;
    }

    private static void load(Qemu q, byte[] program) throws Exception {
        q.driver.cellLoad(CellRef.byName("probe"), List.of(new PreloadImage(program, 0)));
        q.driver.cellStart(CellRef.byName("probe"));
    }

    /** Instructions (an int each, or int arrays from {@link #mov}) as a little-endian image. */
    private static byte[] program(Object... instructions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object item : instructions) {
            for (int insn : item instanceof int[] many ? many : new int[] {(Integer) item}) {
                for (int b = 0; b < 4; b++) {
                    out.write(insn >>> (8 * b));
                }
            }
        }
        return out.toByteArray();
    }

    /** MOVZ and MOVK putting {@code value} into X{@code rd}. */
    private static int[] mov(int rd, long value) {
        int[] insns = new int[4];
        for (int hw = 0; hw < 4; hw++) {
            int opcode = hw == 0 ? 0xD280_0000 : 0xF280_0000;
            insns[hw] = opcode | hw << 21 | (int) (value >>> (16 * hw) & 0xFFFF) << 5 | rd;
        }
        return insns;
    }
}
