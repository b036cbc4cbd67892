package dev.jhsim.config.binary;

import dev.jhsim.config.ConfigFormatException;
import dev.jhsim.config.model.Architecture;
import dev.jhsim.config.model.CacheRegion;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.CellConfig;
import dev.jhsim.config.model.ConfigFile;
import dev.jhsim.config.model.Console;
import dev.jhsim.config.model.IommuUnit;
import dev.jhsim.config.model.IrqChip;
import dev.jhsim.config.model.Layout;
import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.config.model.PciCapability;
import dev.jhsim.config.model.PciDevice;
import dev.jhsim.config.model.PioRegion;
import dev.jhsim.config.model.PlatformInfo;
import dev.jhsim.config.model.PlatformInfo.ArmPlatform;
import dev.jhsim.config.model.PlatformInfo.X86Platform;
import dev.jhsim.config.model.QosDevice;
import dev.jhsim.config.model.SystemConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes configurations in their layout, byte for byte as gcc lays out the C
 * structures. Fails with a {@link ConfigFormatException} (naming the place in
 * the configuration) when the model holds something the layout cannot store.
 */
public final class ConfigWriter {
    private final LeOutput out = new LeOutput();
    private final Layout layout;

    private ConfigWriter(Layout layout) {
        this.layout = layout;
    }

    public static byte[] write(ConfigFile file) throws ConfigFormatException {
        ConfigWriter w = new ConfigWriter(file.layout());
        if (file instanceof SystemConfig system) {
            w.writeSystem(system);
        } else {
            w.writeCellFile((CellConfig) file);
        }
        return w.out.toByteArray();
    }

    private void writeHeader(boolean system, Architecture arch) {
        String signature;
        if (layout.hasArchitectureByte()) {
            signature = system ? "JHSYS" : "JHCLL";
        } else {
            signature = system ? "JHSYST" : "JHCELL";
        }
        out.bytes(signature.getBytes(StandardCharsets.US_ASCII));
        if (layout.hasArchitectureByte()) {
            out.u8(arch.id());
        }
        out.u16(layout.revision());
    }

    private void writeCellFile(CellConfig file) throws ConfigFormatException {
        writeHeader(false, file.architecture());
        writeCellBody(file.cell(), "cell");
    }

    private void writeSystem(SystemConfig sys) throws ConfigFormatException {
        writeHeader(true, sys.architecture());
        out.u32(sys.flags());
        writeMemory(sys.hypervisorMemory(), "hypervisor_memory");
        writeConsole(sys.debugConsole());
        writePlatform(sys.platform(), sys.architecture());
        out.u64(sys.rootCellHeader());
        writeCellBody(sys.rootCell(), "root_cell");
    }

    private void writePlatform(PlatformInfo p, Architecture arch) throws ConfigFormatException {
        if (arch != null && arch.isArmFamily() != (p.arm() != null)) {
            throw new ConfigFormatException("platform_info", "architecture " + arch.displayName() + " needs the "
                    + (arch.isArmFamily() ? "arm" : "x86") + " platform fields");
        }
        if (p.hasMinervaBlocks() != layout.isMinervaSys()) {
            throw new ConfigFormatException("platform_info", layout.isMinervaSys()
                    ? "the MinervaSys layout needs the color, memguard and qos blocks"
                    : "color, memguard and qos exist only in the MinervaSys layout, not " + layout.description());
        }
        if (!layout.isMinervaSys() && p.noSpectreMitigation() != 0) {
            throw new ConfigFormatException("platform_info.no_spectre_mitigation",
                    "exists only in the MinervaSys layout, not " + layout.description());
        }
        checkIommuViews(p.iommuUnits(), "platform_info");
        out.u64(p.pciMmconfigBase());
        out.u8(p.pciMmconfigEndBus());
        out.u8(p.pciIsVirtual());
        out.u16(p.pciDomain());
        if (layout.isMinervaSys()) {
            out.u32(p.noSpectreMitigation());
        }
        if (layout == Layout.V12) {
            writeV12Union(p);
            return;
        }
        writeIommuUnits(p.iommuUnits());
        if (layout.isMinervaSys()) {
            out.u64(p.coloring().waySize());
            out.u64(p.coloring().rootMapOffset());
            PlatformInfo.MemGuard mg = p.memguard();
            out.u32(mg.numIrqs());
            out.u32(mg.hvTimer());
            out.u8(mg.irqPrioMin());
            out.u8(mg.irqPrioMax());
            out.u8(mg.irqPrioStep());
            out.u8(mg.irqPrioThreshold());
            out.u32(mg.numPmuIrq());
            for (long irq : mg.pmuCpuIrq()) {
                out.u32(irq);
            }
            out.u64(p.qos().nicBase());
            out.u64(p.qos().nicSize());
        }
        if (p.arm() != null) {
            ArmPlatform a = p.arm();
            out.u8(a.maintenanceIrq());
            out.u8(a.gicVersion());
            out.zeros(2);
            writeGicBases(a);
        } else {
            X86Platform x = p.x86();
            out.u16(x.pmTimerAddress());
            out.u8(x.apicMode());
            out.zeros(1);
            out.u32(x.vtdInterruptLimit());
            out.u32(x.tscKhz());
            out.u32(x.apicKhz());
            out.zeros(StructSizes.platformUnion(layout) - 16);
        }
    }

    private void writeV12Union(PlatformInfo p) {
        if (p.arm() != null) {
            ArmPlatform a = p.arm();
            out.u8(a.maintenanceIrq());
            out.u8(a.gicVersion());
            writeGicBases(a);
            writeIommuUnits(p.iommuUnits());
        } else {
            X86Platform x = p.x86();
            out.u16(x.pmTimerAddress());
            out.u32(x.vtdInterruptLimit());
            out.u8(x.apicMode());
            out.zeros(3);
            out.u32(x.tscKhz());
            out.u32(x.apicKhz());
            writeIommuUnits(p.iommuUnits());
            out.zeros(266 - 242);
        }
    }

    private void writeGicBases(ArmPlatform a) {
        out.u64(a.gicdBase());
        out.u64(a.giccBase());
        out.u64(a.gichBase());
        out.u64(a.gicvBase());
        out.u64(a.gicrBase());
    }

    private void writeIommuUnits(List<IommuUnit> units) {
        for (IommuUnit u : units) {
            out.u32(u.type());
            out.u64(u.base());
            out.u32(u.size());
            if (u.amd() != null) {
                out.u16(u.amd().bdf());
                out.u8(u.amd().baseCap());
                out.u8(u.amd().msiCap());
                out.u32(u.amd().features());
                out.zeros(4);
            } else if (u.tipvu() != null) {
                out.u64(u.tipvu().tlbBase());
                out.u32(u.tipvu().tlbSize());
            } else {
                out.zeros(12);
            }
        }
    }

    private void checkIommuViews(List<IommuUnit> units, String where) throws ConfigFormatException {
        for (int i = 0; i < units.size(); i++) {
            IommuUnit u = units.get(i);
            if (u.amd() != null && u.type() != IommuUnit.TYPE_AMD) {
                throw new ConfigFormatException(where + ".iommu_units[" + i + "]",
                        "amd fields need type AMD, not " + IommuUnit.TYPES.render(u.type()));
            }
            if (u.tipvu() != null && u.type() == IommuUnit.TYPE_AMD) {
                throw new ConfigFormatException(where + ".iommu_units[" + i + "]",
                        "tipvu fields cannot be used with type AMD");
            }
        }
    }

    private void writeCellBody(Cell c, String where) throws ConfigFormatException {
        checkLayoutFields(c, where);
        out.name(c.name(), Cell.NAME_BYTES);
        out.u32(c.id());
        out.u32(c.flags());
        out.u32(c.cpus().sizeBytes());
        out.u32(c.memoryRegions().size());
        out.u32(c.cacheRegions().size());
        out.u32(c.irqchips().size());
        out.u32(c.pioRegions().size());
        out.u32(c.pciDevices().size());
        out.u32(c.pciCaps().size());
        out.u32(c.streamIds().size());
        if (layout.isMinervaSys()) {
            out.u32(c.qosDevices().size());
        }
        out.u32(c.vpciIrqBase());
        out.u64(c.cpuResetAddress());
        out.u64(c.msgReplyTimeout());
        writeConsole(c.console());
        out.bytes(c.cpus().toBytes());
        for (int i = 0; i < c.memoryRegions().size(); i++) {
            writeMemory(c.memoryRegions().get(i), where + ".memory_regions[" + i + "]");
        }
        for (CacheRegion cr : c.cacheRegions()) {
            out.u32(cr.start());
            out.u32(cr.size());
            out.u8(cr.type());
            out.zeros(1);
            out.u16(cr.flags());
        }
        for (IrqChip chip : c.irqchips()) {
            out.u64(chip.address());
            out.u32(chip.id());
            out.u32(chip.pinBase());
            for (long word : chip.pinBitmap()) {
                out.u32(word);
            }
        }
        for (PioRegion pio : c.pioRegions()) {
            out.u16(pio.base());
            out.u16(pio.length());
        }
        for (PciDevice d : c.pciDevices()) {
            writePciDevice(d);
        }
        for (PciCapability cap : c.pciCaps()) {
            out.u16(cap.id());
            out.u16(cap.start());
            out.u16(cap.len());
            out.u16(cap.flags());
        }
        for (long sid : c.streamIds()) {
            out.u32(sid);
        }
        for (QosDevice q : c.qosDevices()) {
            out.name(q.name(), QosDevice.NAME_BYTES);
            out.u8(q.flags());
            out.u32(q.base());
        }
    }

    private void checkLayoutFields(Cell c, String where) throws ConfigFormatException {
        if (!layout.isMinervaSys() && !c.qosDevices().isEmpty()) {
            throw new ConfigFormatException(where + ".qos_devices",
                    "QoS devices exist only in the MinervaSys layout, not " + layout.description());
        }
    }

    private void writePciDevice(PciDevice d) {
        out.u8(d.type());
        out.u8(d.iommu());
        out.u16(d.domain());
        out.u16(d.bdf());
        for (long mask : d.barMask()) {
            out.u32(mask);
        }
        out.u16(d.capsStart());
        out.u16(d.numCaps());
        out.u8(d.numMsiVectors());
        out.u8((d.msi64Bits() ? 1 : 0) | (d.msiMaskable() ? 2 : 0));
        out.u16(d.numMsixVectors());
        out.u16(d.msixRegionSize());
        out.u64(d.msixAddress());
        out.u32(d.shmemRegionsStart());
        out.u8(d.shmemDevId());
        out.u8(d.shmemPeers());
        out.u16(d.shmemProtocol());
    }

    private void writeMemory(MemoryRegion m, String where) throws ConfigFormatException {
        if (!layout.isMinervaSys() && m.colors() != 0) {
            throw new ConfigFormatException(where + ".colors",
                    "colors exist only in the MinervaSys layout, not " + layout.description());
        }
        out.u64(m.physStart());
        out.u64(m.virtStart());
        out.u64(m.size());
        out.u64(m.flags());
        if (layout.isMinervaSys()) {
            out.u64(m.colors());
        }
    }

    private void writeConsole(Console c) {
        out.u64(c.address());
        out.u32(c.size());
        out.u16(c.type());
        out.u16(c.flags());
        out.u32(c.divider());
        out.u32(c.gateNr());
        out.u64(c.clockReg());
    }
}
