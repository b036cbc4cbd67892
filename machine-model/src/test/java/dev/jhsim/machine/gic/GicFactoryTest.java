package dev.jhsim.machine.gic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.fixtures.Repo;
import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.sysreg.BaseRegisters;
import dev.jhsim.machine.arm64.sysreg.SystemRegister;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import dev.jhsim.machine.board.BoardDescription;
import dev.jhsim.machine.board.BoardDescription.Region;
import dev.jhsim.machine.board.BoardDescriptionReader;
import dev.jhsim.machine.bus.PhysicalBus;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GicFactoryTest {
    final PhysicalBus bus = new PhysicalBus();
    final SystemRegisters sysregs = BaseRegisters.create(0x411FD070L);

    List<Arm64Cpu> cpus(int n) {
        List<Arm64Cpu> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Arm64Cpu(i, bus, sysregs, 1_000_000_000L));
        }
        return list;
    }

    long read(long pa, int size) {
        PhysicalBus.Region r = bus.find(pa);
        return r.device().read(0, pa - r.base(), size);
    }

    @Test
    void qemuArm64GetsAGicV3WithSixteenRedistributors() throws Exception {
        BoardDescription board = BoardDescriptionReader.parse(
                Files.readString(Repo.path("boards/qemu-arm64/board.json")));
        Gic gic = GicFactory.create(board.interruptController(), cpus(16), bus);
        assertEquals(3, gic.version());
        assertEquals(288, gic.lines());
        assertEquals(25, gic.maintenanceIrq());
        assertEquals(0x08000000L, bus.find(0x08000000L).base());
        long last = 0x080A0000L + 15 * 0x20000L;
        assertEquals(15L << 32 | 15 << 8 | 1 << 4, read(last + 8, 8));
        assertNull(bus.find(last + 0x20000), "the rest of the region is not claimed");
        assertNotNull(sysregs.lookup(TestMachine.ICC_IAR1));
        assertNotNull(sysregs.lookup(TestMachine.ichLr(3)));
        assertNull(sysregs.lookup(TestMachine.ichLr(4)), "four list registers");
    }

    @Test
    void redistributorAffinitiesComeFromEachCpusMpidr() {
        // Two CPUs per cluster: CPU 3 is Aff1 1, Aff0 1.
        sysregs.register("MPIDR_EL1", 3, 0, 0, 0, 5,
                SystemRegister.readOnly(1, c -> 0x8000_0000L | (c.index() / 2) << 8 | c.index() % 2));
        List<Arm64Cpu> cpus = cpus(4);
        GicFactory.create(gicv3(), cpus, bus);
        long gicr3 = 0x080A0000L + 3 * 0x20000L;
        assertEquals(0x0101L, read(gicr3 + 0xC, 4), "GICR_TYPER.Affinity");
        sysregs.lookup(TestMachine.ICC_SGI0R).write(cpus.get(0), 1L << 16 | 0b10);   // SGI 0 to 0.0.1.1
        assertEquals(1, read(gicr3 + TestMachine.SGI_BASE + 0x200, 4), "pending on CPU 3");
        assertEquals(0, read(0x080A0000L + 0x20000L + TestMachine.SGI_BASE + 0x200, 4), "not on CPU 1 (0.0.0.1)");
    }

    @Test
    void gicv2ServesAtMostEightCpus() {
        BoardDescription.InterruptController v2 = new BoardDescription.InterruptController("gicv2", 64,
                new Region("gicd", 0x08000000L, 0x10000), null, 0, new Region("gicc", 0x08010000L, 0x10000),
                new Region("gich", 0x08030000L, 0x10000), new Region("gicv", 0x08040000L, 0x10000), 25);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GicFactory.create(v2, cpus(9), bus));
        assertTrue(e.getMessage().contains("at most 8"), e.getMessage());
    }

    @Test
    void redistributorsMustFitTheirRegion() {
        BoardDescription.InterruptController small = new BoardDescription.InterruptController("gicv3", 64,
                new Region("gicd", 0x08000000L, 0x10000), new Region("gicr", 0x080A0000L, 0x40000), 0x20000,
                null, null, null, 25);
        assertThrows(IllegalArgumentException.class, () -> GicFactory.create(small, cpus(3), bus));
    }

    @Test
    void maintenanceInterruptDefaultsToPpi9() {
        BoardDescription.InterruptController noMaintenance = new BoardDescription.InterruptController("gicv3", 64,
                new Region("gicd", 0x08000000L, 0x10000), new Region("gicr", 0x080A0000L, 0x40000), 0x20000,
                null, null, null, 0);
        assertEquals(25, GicFactory.create(noMaintenance, cpus(2), bus).maintenanceIrq());
    }

    private static BoardDescription.InterruptController gicv3() {
        return new BoardDescription.InterruptController("gicv3", 64, new Region("gicd", 0x08000000L, 0x10000),
                new Region("gicr", 0x080A0000L, 0xF60000), 0x20000, null, null, null, 25);
    }
}
