package dev.jhsim.config.text;

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
import dev.jhsim.config.model.QosDevice;
import dev.jhsim.config.model.Symbols;
import dev.jhsim.config.model.SystemConfig;
import java.util.ArrayList;
import java.util.List;

/** The readable listing of a configuration printed by {@code jailhouse config dump}. */
public final class ConfigDump {
    private final StringBuilder out = new StringBuilder();

    private ConfigDump() {
    }

    public static String render(ConfigFile file) {
        ConfigDump d = new ConfigDump();
        d.file(file);
        return d.out.toString();
    }

    private void line(String label, Object value) {
        out.append(String.format("%-20s%s%n", label + ":", value));
    }

    private void file(ConfigFile file) {
        boolean system = file instanceof SystemConfig;
        line("Kind", system ? "system configuration" : "cell configuration");
        line("Layout", file.layout().description());
        line("Architecture", file.architecture() == null
                ? "not recorded (" + file.layout().description() + " headers have no architecture byte)"
                : file.architecture().displayName());
        if (file instanceof SystemConfig sys) {
            systemPart(sys);
            out.append('\n');
            cell("Root cell", sys.rootCell(), sys.layout());
        } else {
            out.append('\n');
            cell("Cell", ((CellConfig) file).cell(), file.layout());
        }
    }

    private void systemPart(SystemConfig sys) {
        line("Flags", SystemConfig.FLAGS.render(sys.flags()));
        MemoryRegion hv = sys.hypervisorMemory();
        line("Hypervisor memory", range(hv.physStart(), hv.size()) + ", " + size(hv.size())
                + (sys.layout().isMinervaSys() && hv.colors() != 0 ? ", colors " + hex(hv.colors()) : ""));
        line("Debug console", console(sys.debugConsole()));
        PlatformInfo p = sys.platform();
        line("PCI", "MMCONFIG " + hex(p.pciMmconfigBase()) + ", end bus " + p.pciMmconfigEndBus()
                + ", domain " + p.pciDomain() + (p.pciIsVirtual() != 0 ? ", virtual" : ", physical"));
        if (p.arm() != null) {
            PlatformInfo.ArmPlatform a = p.arm();
            StringBuilder gic = new StringBuilder("GICv" + a.gicVersion() + ", GICD " + hex(a.gicdBase()));
            if (a.gicVersion() == 3) {
                gic.append(", GICR ").append(hex(a.gicrBase()));
            } else {
                gic.append(", GICC ").append(hex(a.giccBase())).append(", GICH ").append(hex(a.gichBase()))
                        .append(", GICV ").append(hex(a.gicvBase()));
            }
            gic.append(", maintenance IRQ ").append(a.maintenanceIrq());
            line("Interrupts", gic);
        } else {
            PlatformInfo.X86Platform x = p.x86();
            line("x86", "PM timer " + hex(x.pmTimerAddress()) + ", APIC mode "
                    + PlatformInfo.X86Platform.APIC_MODES.render(x.apicMode()) + ", VT-d interrupt limit "
                    + x.vtdInterruptLimit() + ", TSC " + x.tscKhz() + " kHz, APIC " + x.apicKhz() + " kHz");
        }
        if (sys.layout().isMinervaSys()) {
            line("Spectre mitigation", p.noSpectreMitigation() != 0 ? "disabled" : "enabled");
            line("Coloring", "way size " + hex(p.coloring().waySize()) + ", root map offset "
                    + hex(p.coloring().rootMapOffset()));
            PlatformInfo.MemGuard mg = p.memguard();
            line("MemGuard", mg.numIrqs() + " IRQs, hypervisor timer " + mg.hvTimer() + ", priorities "
                    + hex(mg.irqPrioMin()) + ".." + hex(mg.irqPrioMax()) + " step " + hex(mg.irqPrioStep())
                    + " threshold " + hex(mg.irqPrioThreshold()) + ", PMU IRQs "
                    + mg.pmuCpuIrq().subList(0, (int) Math.min(mg.numPmuIrq(), mg.pmuCpuIrq().size())));
            line("QoS", "NIC " + range(p.qos().nicBase(), p.qos().nicSize()));
        }
        List<IommuUnit> units = p.iommuUnits().stream().filter(u -> !u.isEmpty()).toList();
        if (units.isEmpty()) {
            line("IOMMU units", "none");
            return;
        }
        out.append("IOMMU units:\n");
        TextTable t = new TextTable("  ", "#", "type", "base", "size", "details");
        for (int i = 0; i < p.iommuUnits().size(); i++) {
            IommuUnit u = p.iommuUnits().get(i);
            if (u.isEmpty()) {
                continue;
            }
            String details = "";
            if (u.amd() != null) {
                details = "bdf " + hex(u.amd().bdf()) + ", base_cap " + hex(u.amd().baseCap()) + ", msi_cap "
                        + hex(u.amd().msiCap()) + ", features " + hex(u.amd().features());
            } else if (u.tipvu() != null) {
                details = "TLB " + range(u.tipvu().tlbBase(), u.tipvu().tlbSize());
            }
            t.row(i, IommuUnit.TYPES.render(u.type()), hex(u.base()), hex(u.size()), details);
        }
        out.append(t.render());
    }

    private void cell(String title, Cell c, Layout layout) {
        out.append(title).append(" \"").append(c.name()).append("\"\n");
        String in = "  ";
        out.append(String.format("%s%-17s%s%n", in, "Flags:", Cell.FLAGS.render(c.flags())));
        out.append(String.format("%s%-17s%s%n", in, "CPUs:", (c.cpus().isEmpty() ? "none" : c.cpus().toRanges())
                + " (cpu set of " + c.cpus().sizeBytes() + " bytes)"));
        out.append(String.format("%s%-17s%s%n", in, "Reset address:", hex(c.cpuResetAddress())));
        out.append(String.format("%s%-17s%s%n", in, "Reply timeout:", c.msgReplyTimeout()));
        out.append(String.format("%s%-17s%s%n", in, "vPCI IRQ base:", c.vpciIrqBase()));
        out.append(String.format("%s%-17s%s%n", in, "Console:", console(c.console())));
        if (c.id() != 0) {
            out.append(String.format("%s%-17s%s%n", in, "ID:", c.id()));
        }
        memory(c.memoryRegions(), layout);
        caches(c.cacheRegions());
        irqchips(c.irqchips());
        pio(c.pioRegions());
        pci(c.pciDevices());
        caps(c.pciCaps());
        if (!c.streamIds().isEmpty()) {
            List<String> ids = new ArrayList<>();
            c.streamIds().forEach(s -> ids.add(hex(s)));
            out.append(String.format("%s%-17s%s%n", in, "Stream IDs:", String.join(", ", ids)));
        }
        if (layout.isMinervaSys()) {
            qos(c.qosDevices());
        }
    }

    private void heading(String what, int count) {
        out.append("  ").append(what).append(" (").append(count).append(")").append(count == 0 ? ": none" : ":")
                .append('\n');
    }

    private void memory(List<MemoryRegion> regions, Layout layout) {
        heading("Memory regions", regions.size());
        if (regions.isEmpty()) {
            return;
        }
        TextTable t = layout.isMinervaSys()
                ? new TextTable("    ", "#", "phys", "virt", "size", "flags", "colors")
                : new TextTable("    ", "#", "phys", "virt", "size", "flags");
        for (int i = 0; i < regions.size(); i++) {
            MemoryRegion m = regions.get(i);
            String flags = MemoryRegion.FLAGS.render(m.flags());
            if (layout.isMinervaSys()) {
                t.row(i, range(m.physStart(), m.size()), range(m.virtStart(), m.size()), size(m.size()), flags,
                        hex(m.colors()));
            } else {
                t.row(i, range(m.physStart(), m.size()), range(m.virtStart(), m.size()), size(m.size()), flags);
            }
        }
        out.append(t.render());
    }

    private void caches(List<CacheRegion> caches) {
        if (caches.isEmpty()) {
            return;
        }
        heading("Cache regions", caches.size());
        TextTable t = new TextTable("    ", "#", "start", "size", "type", "flags");
        for (int i = 0; i < caches.size(); i++) {
            CacheRegion c = caches.get(i);
            t.row(i, c.start(), c.size(), CacheRegion.TYPES.render(c.type()), CacheRegion.FLAGS.render(c.flags()));
        }
        out.append(t.render());
    }

    private void irqchips(List<IrqChip> chips) {
        heading("Irqchips", chips.size());
        if (chips.isEmpty()) {
            return;
        }
        TextTable t = new TextTable("    ", "#", "address", "id", "pin base", "pins granted");
        for (int i = 0; i < chips.size(); i++) {
            IrqChip c = chips.get(i);
            t.row(i, hex(c.address()), hex(c.id()), c.pinBase(), pinRanges(c.pins()));
        }
        out.append(t.render());
    }

    private void pio(List<PioRegion> regions) {
        if (regions.isEmpty()) {
            return;
        }
        heading("PIO regions", regions.size());
        TextTable t = new TextTable("    ", "#", "ports", "length");
        for (int i = 0; i < regions.size(); i++) {
            PioRegion r = regions.get(i);
            t.row(i, r.length() == 0 ? hex(r.base()) + " (empty)" : hex(r.base()) + "-" + hex(r.base() + r.length() - 1),
                    hex(r.length()));
        }
        out.append(t.render());
    }

    private void pci(List<PciDevice> devices) {
        heading("PCI devices", devices.size());
        if (devices.isEmpty()) {
            return;
        }
        TextTable t = new TextTable("    ", "#", "address", "type", "details");
        for (int i = 0; i < devices.size(); i++) {
            PciDevice d = devices.get(i);
            List<String> details = new ArrayList<>();
            if (d.isIvshmem()) {
                details.add("regions from " + d.shmemRegionsStart());
                details.add("peer " + d.shmemDevId() + " of " + d.shmemPeers());
                details.add("protocol " + PciDevice.protocolName(d.shmemProtocol()));
            } else {
                details.add("iommu " + d.iommu());
            }
            if (d.numCaps() > 0) {
                details.add("caps " + d.capsStart() + ".." + (d.capsStart() + d.numCaps() - 1));
            }
            if (d.numMsiVectors() > 0) {
                details.add(d.numMsiVectors() + " MSI" + (d.msi64Bits() ? " 64-bit" : "")
                        + (d.msiMaskable() ? " maskable" : ""));
            }
            if (d.numMsixVectors() > 0) {
                details.add(d.numMsixVectors() + " MSI-X at " + hex(d.msixAddress()) + " (" + hex(d.msixRegionSize())
                        + ")");
            }
            List<String> bars = new ArrayList<>();
            for (int b = 0; b < PciDevice.BARS; b++) {
                if (d.barMask().get(b) != 0) {
                    bars.add(b + ":" + hex(d.barMask().get(b)));
                }
            }
            if (!bars.isEmpty()) {
                details.add("BAR masks " + String.join(" ", bars));
            }
            t.row(i, d.address(), PciDevice.TYPES.render(d.type()), String.join(", ", details));
        }
        out.append(t.render());
    }

    private void caps(List<PciCapability> caps) {
        if (caps.isEmpty()) {
            return;
        }
        heading("PCI capabilities", caps.size());
        TextTable t = new TextTable("    ", "#", "id", "start", "len", "flags");
        for (int i = 0; i < caps.size(); i++) {
            PciCapability c = caps.get(i);
            String id = (c.id() & PciCapability.EXT_CAP) != 0
                    ? "ext " + hex(c.id() & ~PciCapability.EXT_CAP) : hex(c.id());
            t.row(i, id, hex(c.start()), c.len(), PciCapability.FLAGS.render(c.flags()));
        }
        out.append(t.render());
    }

    private void qos(List<QosDevice> devices) {
        heading("QoS devices", devices.size());
        if (devices.isEmpty()) {
            return;
        }
        TextTable t = new TextTable("    ", "#", "name", "flags", "base");
        for (int i = 0; i < devices.size(); i++) {
            QosDevice q = devices.get(i);
            t.row(i, q.name(), hex(q.flags()), hex(q.base()));
        }
        out.append(t.render());
    }

    private static String console(Console c) {
        if (c.type() == Console.TYPE_NONE && c.address() == 0) {
            return "none";
        }
        StringBuilder sb = new StringBuilder(Console.TYPES.render(c.type()));
        sb.append(c.isMmio() ? " at " : " at port ").append(hex(c.address()));
        if (c.size() != 0) {
            sb.append(", size ").append(hex(c.size()));
        }
        sb.append(", flags ").append(Console.FLAGS.render(c.flags()));
        if (c.divider() != 0) {
            sb.append(", divider ").append(c.divider());
        }
        if (c.gateNr() != 0 || c.clockReg() != 0) {
            sb.append(", clock gate ").append(c.gateNr()).append(" at ").append(hex(c.clockReg()));
        }
        return sb.toString();
    }

    /** Compresses ascending pin numbers into ranges: {@code 32-63,96}. */
    static String pinRanges(List<Long> pins) {
        if (pins.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < pins.size()) {
            int j = i;
            while (j + 1 < pins.size() && pins.get(j + 1) == pins.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(pins.get(i));
            if (j > i) {
                sb.append('-').append(pins.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    private static String range(long start, long size) {
        if (size == 0) {
            return hex(start) + " (empty)";
        }
        return hex(start) + "-" + hex(start + size - 1);
    }

    /** A size in hex with a human-readable unit where it is a whole number of KiB, MiB or GiB. */
    static String size(long size) {
        String unit = "";
        if (size != 0 && size % (1L << 30) == 0) {
            unit = " (" + (size >>> 30) + " GiB)";
        } else if (size != 0 && size % (1L << 20) == 0) {
            unit = " (" + (size >>> 20) + " MiB)";
        } else if (size != 0 && size % 1024 == 0) {
            unit = " (" + (size >>> 10) + " KiB)";
        }
        return hex(size) + unit;
    }

    private static String hex(long v) {
        return Symbols.hex(v);
    }
}
