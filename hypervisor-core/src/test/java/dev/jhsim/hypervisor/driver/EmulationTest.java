package dev.jhsim.hypervisor.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.hypervisor.Qemu;
import dev.jhsim.hypervisor.core.Cell;
import dev.jhsim.hypervisor.core.Control;
import dev.jhsim.hypervisor.core.Hypercall;
import dev.jhsim.hypervisor.core.Jailhouse;
import dev.jhsim.hypervisor.core.MmioAccess;
import dev.jhsim.hypervisor.core.MmioHandler;
import dev.jhsim.hypervisor.core.PerCpu;
import dev.jhsim.hypervisor.core.PhysicalMemory;
import org.junit.jupiter.api.Test;

/**
 * What a cell's accesses to the emulated GIC and its hypercalls do to the
 * hardware and what they return, checked against the physical GIC:
 * inmate-demo (CPU 1) owns SPI 33 and the SGIs and PPIs but the
 * hypervisor's.
 */
class EmulationTest {
    private static final long GICD = 0x0800_0000L;
    private static final long GICR = 0x080A_0000L;
    private static final long SGI_BASE = 0x10000;

    @Test
    void theDistributorShowsAndChangesOnlyTheCellsInterrupts() throws Exception {
        try (Qemu q = new Qemu()) {
            Fixture f = new Fixture(q);
            assertEquals(MmioHandler.Result.HANDLED, f.write(GICD + 0x104, 4, 0xFFFF_FFFFL));
            assertEquals(1L << 1, f.physical(GICD + 0x104, 4), "ISENABLER1: only SPI 33 enabled");
            assertEquals(1L << 1, f.read(GICD + 0x104, 4), "and only it shown");
            assertEquals(1L << 1, f.read(GICD + 0x084, 4), "IGROUPR1: Linux's group 1, of SPI 33 only");
            f.write(GICD + 0x184, 4, 0xFFFF_FFFFL);
            assertEquals(0, f.physical(GICD + 0x104, 4), "ICENABLER1 clears it again");
            f.write(GICD + 0x400 + 33, 1, 0x80);
            f.write(GICD + 0x400 + 34, 1, 0x80);
            assertEquals(0x80, f.physical(GICD + 0x400 + 33, 1), "own priority");
            assertEquals(0xA0, f.physical(GICD + 0x400 + 34, 1), "the root cell's SPI 34 untouched");
            assertEquals(0x80L << 8, f.read(GICD + 0x420, 4), "word read: SPIs 32, 34 and 35 hidden");
        }
    }

    @Test
    void routingStaysInsideTheCell() throws Exception {
        try (Qemu q = new Qemu()) {
            Fixture f = new Fixture(q);
            long irouter33 = GICD + 0x6000 + 8 * 33;
            assertEquals(1, f.physical(irouter33, 8), "config commit routed SPI 33 to CPU 1");
            assertEquals(MmioHandler.Result.HANDLED, f.write(irouter33, 8, 1));
            assertEquals(MmioHandler.Result.ERROR, f.write(irouter33, 8, 0));
            assertTrue(q.console().endsWith("Attempt to route IRQ33 outside of cell\n"));
            assertEquals(1, f.physical(irouter33, 8));
            assertEquals(0, f.physical(GICD + 0x6000 + 8 * 34, 8), "the root cell's SPI 34 stays on CPU 0");
            assertEquals(MmioHandler.Result.HANDLED, f.write(GICD + 0x6000 + 8 * 34, 8, 1), "ignored, not an error");
            assertEquals(0, f.physical(GICD + 0x6000 + 8 * 34, 8));
            assertEquals(0, f.read(GICD + 0x6000 + 8 * 34, 8));
        }
    }

    @Test
    void controlAndIdentificationReadThroughWritesAreIgnored() throws Exception {
        try (Qemu q = new Qemu()) {
            Fixture f = new Fixture(q);
            long ctlr = f.physical(GICD, 4);
            assertEquals(ctlr, f.read(GICD, 4));
            f.write(GICD, 4, 0);
            assertEquals(ctlr, f.physical(GICD, 4));
            assertEquals(0x3B, f.read(GICD + 0xFFE8, 4), "PIDR2: GICv3");
            assertEquals(0, f.read(GICD + 0x0F00, 4), "GICD_SGIR does not exist with affinity routing");
        }
    }

    @Test
    void redistributorsProtectTheHypervisorsInterruptsAndOtherCells() throws Exception {
        try (Qemu q = new Qemu()) {
            Fixture f = new Fixture(q);
            long own = GICR + 0x20000;
            f.write(own + SGI_BASE + 0x180, 4, 0xFFFF_FFFFL);
            assertEquals(0x3L | 1L << 25, f.physical(own + SGI_BASE + 0x100, 4),
                    "SGIs 0, 1 and the maintenance interrupt stay enabled");
            f.write(own + SGI_BASE + 0x100, 4, 1L << 27);
            assertEquals(0x3L | 1L << 25 | 1L << 27, f.physical(own + SGI_BASE + 0x100, 4), "the virtual timer on");
            f.write(own + SGI_BASE + 0x080, 4, 0);
            assertEquals(0xFFFF_FFFFL, f.physical(own + SGI_BASE + 0x080, 4), "IGROUPR0 is not the cell's to change");
            long foreign = GICR;
            long before = f.physical(foreign + SGI_BASE + 0x100, 4);
            f.write(foreign + SGI_BASE + 0x180, 4, 0xFFFF_FFFFL);
            assertEquals(before, f.physical(foreign + SGI_BASE + 0x100, 4), "CPU 0's redistributor is not its");
            assertEquals(0, f.read(foreign + SGI_BASE + 0x100, 4));
            assertEquals(0x0000_0001_0000_0100L, f.read(own + 0x08, 8), "TYPER: affinity 1, processor 1");
            assertEquals(1L << 4, f.read(GICR + 15 * 0x20000L + 0x08, 4) & 1L << 4, "the last one says so");
        }
    }

    @Test
    void hypercallsAnswerAsUpstreams() throws Exception {
        try (Qemu q = new Qemu()) {
            Fixture f = new Fixture(q);
            Control control = f.driver.control();
            PerCpu cell = f.cpu;
            PerCpu root = f.hv.cpu(0);
            assertEquals(-Errno.EPERM.number(), control.hypercall(cell, Hypercall.DEBUG_CONSOLE_PUTC, 'x', 0),
                    "inmate-demo may not use the debug console");
            assertEquals(-Errno.EPERM.number(), control.hypercall(cell, Hypercall.CPU_GET_INFO, 0,
                    Hypercall.CPU_INFO_STATE));
            assertEquals(Hypercall.CPU_RUNNING, control.cpuGetInfo(root, 1, Hypercall.CPU_INFO_STATE),
                    "the root cell may ask about any CPU");
            assertEquals(-Errno.EINVAL.number(), control.hypercall(cell, Hypercall.CPU_GET_INFO, 16,
                    Hypercall.CPU_INFO_STATE));
            assertEquals(2, control.hypercall(cell, Hypercall.HYPERVISOR_GET_INFO, Hypercall.INFO_NUM_CELLS, 0));
            assertEquals(-Errno.ENOSYS.number(), control.hypercall(cell, 9, 0, 0));
            assertEquals(-Errno.ENOSYS.number(), control.hypercall(cell, -1, 0, 0));
            assertEquals(-Errno.EPERM.number(), control.hypercall(cell, Hypercall.CELL_GET_STATE, 0, 0));
            assertEquals(7, control.cpuGetInfo(cell, 1, Hypercall.CPU_INFO_STAT_BASE + 3),
                    "its seven hypercalls, counted");
        }
    }

    /** inmate-demo created (not started): its CPU 1, and reads and writes as CPU 1 makes them. */
    private static final class Fixture {
        final HypervisorDriver driver;
        final Jailhouse hv;
        final PerCpu cpu;
        final PhysicalMemory memory;

        Fixture(Qemu q) throws DriverException {
            q.enable();
            q.driver.cellCreate(Qemu.config("qemu-arm64-inmate-demo"));
            q.console();
            driver = (HypervisorDriver) q.driver;
            hv = driver.hypervisor();
            cpu = hv.cpu(1);
            memory = new PhysicalMemory(q.board.machine().bus());
        }

        MmioHandler.Result write(long address, int size, long value) {
            MmioAccess access = new MmioAccess();
            access.set(address, size, true, value);
            return cell().mmio().dispatch(cpu, access);
        }

        long read(long address, int size) {
            MmioAccess access = new MmioAccess();
            access.set(address, size, false, 0);
            assertEquals(MmioHandler.Result.HANDLED, cell().mmio().dispatch(cpu, access));
            return access.value;
        }

        long physical(long address, int size) {
            return memory.mmioRead(cpu.id(), address, size);
        }

        private Cell cell() {
            return cpu.cell();
        }
    }
}
