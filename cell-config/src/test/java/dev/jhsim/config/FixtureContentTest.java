package dev.jhsim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.config.binary.ConfigReader;
import dev.jhsim.config.model.Architecture;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.CellConfig;
import dev.jhsim.config.model.Console;
import dev.jhsim.config.model.IommuUnit;
import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.config.model.PciDevice;
import dev.jhsim.config.model.PlatformInfo;
import dev.jhsim.config.model.SystemConfig;
import dev.jhsim.fixtures.ConfigFixtures;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Field values read from the gcc-built fixtures match their C sources. This
 * catches layout mistakes that a symmetric reader/writer pair would hide.
 */
class FixtureContentTest {

    private static SystemConfig system(String layout, String name) throws Exception {
        return (SystemConfig) ConfigReader.read(ConfigFixtures.get(layout, name).bytes());
    }

    private static CellConfig cell(String layout, String name) throws Exception {
        return (CellConfig) ConfigReader.read(ConfigFixtures.get(layout, name).bytes());
    }

    private static boolean minerva(String layout) {
        return layout.equals("minervasys");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v12", "v13", "v14", "minervasys"})
    void arm64System(String layout) throws Exception {
        SystemConfig sys = system(layout, "arm64-system");
        assertEquals(layout.equals("v12") || layout.equals("v13") ? null : Architecture.ARM64, sys.architecture());
        assertEquals(SystemConfig.VIRTUAL_DEBUG_CONSOLE, sys.flags());
        assertEquals(0x7fc00000L, sys.hypervisorMemory().physStart());
        assertEquals(0x400000L, sys.hypervisorMemory().size());
        assertEquals(minerva(layout) ? 0xf0 : 0, sys.hypervisorMemory().colors());
        Console debug = sys.debugConsole();
        assertEquals(0x09000000L, debug.address());
        assertEquals(Console.TYPE_PL011, debug.type());
        assertEquals(0x1003, debug.flags());
        assertEquals(0x1b, debug.divider());
        assertEquals(7, debug.gateNr());
        assertEquals(0xff760000L, debug.clockReg());

        PlatformInfo p = sys.platform();
        assertEquals(0x08e00000L, p.pciMmconfigBase());
        assertEquals(1, p.pciIsVirtual());
        assertEquals(1, p.pciDomain());
        assertEquals(3, p.arm().gicVersion());
        assertEquals(0x08000000L, p.arm().gicdBase());
        assertEquals(0x080a0000L, p.arm().gicrBase());
        assertEquals(25, p.arm().maintenanceIrq());
        assertEquals(IommuUnit.TYPE_SMMUV3, p.iommuUnits().get(0).type());
        assertEquals(0x09050000L, p.iommuUnits().get(0).base());
        assertEquals(0x36000000L, p.iommuUnits().get(1).tipvu().tlbBase());
        assertEquals(0x40000L, p.iommuUnits().get(1).tipvu().tlbSize());
        assertEquals(minerva(layout) ? 1 : 0, p.noSpectreMitigation());
        if (minerva(layout)) {
            assertEquals(0x10000L, p.coloring().waySize());
            assertEquals(0x0c000000000L, p.coloring().rootMapOffset());
            assertEquals(224, p.memguard().numIrqs());
            assertEquals(26, p.memguard().hvTimer());
            assertEquals(0xf0, p.memguard().irqPrioMin());
            assertEquals(0x10, p.memguard().irqPrioThreshold());
            assertEquals(List.of(175L, 176L, 177L, 178L, 0L, 0L, 0L, 0L), p.memguard().pmuCpuIrq());
            assertEquals(0xfd700000L, p.qos().nicBase());
        } else {
            assertFalse(p.hasMinervaBlocks());
        }

        Cell root = sys.rootCell();
        assertEquals("fixture-arm64", root.name());
        assertEquals(0, sys.rootCellHeader());
        assertEquals(List.of(0, 1, 2, 3), root.cpus().cpus());
        assertEquals(8, root.cpus().sizeBytes());
        assertEquals(96, root.vpciIrqBase());
        assertEquals(0x40080000L, root.cpuResetAddress());
        assertEquals(100, root.msgReplyTimeout());
        assertEquals(10, root.memoryRegions().size());
        MemoryRegion uart = root.memoryRegions().get(6);
        assertEquals(MemoryRegion.READ | MemoryRegion.WRITE | MemoryRegion.IO | MemoryRegion.IO_8
                | MemoryRegion.IO_16 | MemoryRegion.IO_32 | MemoryRegion.IO_64 | MemoryRegion.IO_UNALIGNED,
                uart.flags());
        assertEquals(0x100, uart.size());
        assertEquals(0x4010000000L, root.memoryRegions().get(8).physStart());
        // JAILHOUSE_SHMEM_NET_REGIONS: state table, empty RW section, two output sections
        assertEquals(0, root.memoryRegions().get(3).size());
        assertTrue(root.memoryRegions().get(4).has(MemoryRegion.WRITE));
        assertFalse(root.memoryRegions().get(5).has(MemoryRegion.WRITE));
        assertEquals(0x7f000, root.memoryRegions().get(5).size());

        assertEquals(1, root.cacheRegions().size());
        assertEquals(3, root.cacheRegions().get(0).type());
        assertEquals(2, root.irqchips().size());
        assertEquals(160, root.irqchips().get(1).pinBase());
        assertTrue(root.irqchips().get(1).grants(175));
        assertFalse(root.irqchips().get(1).grants(176));
        assertTrue(root.irqchips().get(1).grants(287));

        PciDevice ivshmem = root.pciDevices().get(1);
        assertTrue(ivshmem.isIvshmem());
        assertEquals("0001:00:01.0", ivshmem.address());
        assertEquals(2, ivshmem.shmemRegionsStart());
        assertEquals(2, ivshmem.shmemPeers());
        assertEquals(1, ivshmem.shmemProtocol());
        assertEquals(layout.equals("v12") ? 0xfffffe00L : 0xfffff000L, ivshmem.barMask().get(1));
        PciDevice dev = root.pciDevices().get(2);
        assertEquals("0000:01:02.1", dev.address());
        assertEquals(8, dev.numMsiVectors());
        assertTrue(dev.msi64Bits());
        assertTrue(dev.msiMaskable());
        assertEquals(3, dev.numCaps());
        assertEquals(0x8001, root.pciCaps().get(2).id());
        assertEquals(0x100, root.pciCaps().get(2).start());
        assertEquals(List.of(0x800L, 0x801L, 0x7c0f0c10L), root.streamIds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v12", "v13", "v14", "minervasys"})
    void x86System(String layout) throws Exception {
        SystemConfig sys = system(layout, "x86-system");
        PlatformInfo p = sys.platform();
        assertNull(p.arm());
        assertEquals(0x608, p.x86().pmTimerAddress());
        assertEquals(256, p.x86().vtdInterruptLimit());
        assertEquals(2, p.x86().apicMode());
        assertEquals(2592000, p.x86().tscKhz());
        assertEquals(1000000, p.x86().apicKhz());
        assertEquals(0xff, p.pciMmconfigEndBus());
        IommuUnit amd = p.iommuUnits().get(1);
        assertEquals(IommuUnit.TYPE_AMD, amd.type());
        assertEquals(0x80048824L, amd.amd().features());
        assertEquals(0x40, amd.amd().baseCap());
        assertEquals(0x54, amd.amd().msiCap());
        assertEquals(IommuUnit.TYPE_INTEL, p.iommuUnits().get(0).type());
        assertEquals(Console.TYPE_8250, sys.debugConsole().type());
        assertEquals(0x3f8, sys.debugConsole().address());
        Cell root = sys.rootCell();
        assertEquals(4, root.pioRegions().size());
        assertEquals(0xcf8, root.pioRegions().get(3).base());
        assertEquals(8, root.pioRegions().get(3).length());
        assertEquals(0x1f0f8, root.irqchips().get(0).id());
        assertEquals(0xffffffL, root.irqchips().get(0).pinBitmap().get(0));
        assertEquals(PciDevice.TYPE_BRIDGE, root.pciDevices().get(1).type());
        assertEquals(0xfebf0000L, root.pciDevices().get(2).msixAddress());
        assertEquals(5, root.pciDevices().get(2).numMsixVectors());
        assertEquals(0x1000, root.pciDevices().get(2).msixRegionSize());
        assertEquals(1, root.cacheRegions().get(0).flags());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), root.cpus().cpus());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v12", "v13", "v14", "minervasys"})
    void arm64Cell(String layout) throws Exception {
        CellConfig file = cell(layout, "arm64-cell");
        Cell c = file.cell();
        assertEquals("fixture-inmate", c.name());
        long aarch32 = layout.equals("v12") ? 0 : Cell.AARCH32;
        assertEquals(Cell.PASSIVE_COMMREG | Cell.TEST_DEVICE | aarch32 | Cell.VIRTUAL_CONSOLE_ACTIVE, c.flags());
        assertEquals(16, c.cpus().sizeBytes());
        assertEquals(List.of(64, 65, 127), c.cpus().cpus());
        assertEquals(91, c.vpciIrqBase());
        assertEquals(Console.TYPE_8250, c.console().type());
        assertEquals(0x2003, c.console().flags());
        MemoryRegion comm = c.memoryRegions().get(4);
        assertTrue(comm.has(MemoryRegion.COMM_REGION));
        assertEquals(0x80000000L, comm.virtStart());
        MemoryRegion ram = c.memoryRegions().get(2);
        assertTrue(ram.has(MemoryRegion.LOADABLE));
        assertEquals(minerva(layout), ram.has(MemoryRegion.COLORED));
        assertEquals(minerva(layout) ? 0x0ff0 : 0, ram.colors());
        assertEquals(minerva(layout), c.memoryRegions().get(3).has(MemoryRegion.COLORED_NO_COPY));
        assertEquals(List.of(33L, 123L, 124L, 130L), c.irqchips().get(0).pins());
        assertEquals(0xc003, c.pciDevices().get(0).shmemProtocol());
        assertEquals(2, c.pciDevices().get(0).shmemDevId());
        assertEquals(List.of(0x860L), c.streamIds());
        if (minerva(layout)) {
            assertEquals(2, c.qosDevices().size());
            assertEquals("rpu0", c.qosDevices().get(0).name());
            assertEquals(6, c.qosDevices().get(0).flags());
            assertEquals("fpd-dma-12345", c.qosDevices().get(1).name());
            assertEquals(0x43100, c.qosDevices().get(1).base());
        } else {
            assertTrue(c.qosDevices().isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v12", "v13", "v14", "minervasys"})
    void x86AndArmCells(String layout) throws Exception {
        CellConfig x86 = cell(layout, "x86-cell");
        assertEquals(layout.equals("v12") || layout.equals("v13") ? null : Architecture.X86, x86.architecture());
        assertEquals(0x1, x86.cell().console().type(), "EFIFB");
        assertEquals(4, x86.cell().console().flags());
        assertEquals(List.of(2, 3), x86.cell().cpus().cpus());
        assertEquals(0xe010, x86.cell().pioRegions().get(1).base());
        assertEquals(6, x86.cell().cacheRegions().get(0).start());

        CellConfig arm = cell(layout, "arm-cell");
        assertEquals(layout.equals("v12") || layout.equals("v13") ? null : Architecture.ARM, arm.architecture());
        assertEquals(4, arm.cell().cpus().sizeBytes());
        assertEquals(List.of(1), arm.cell().cpus().cpus());
    }
}
