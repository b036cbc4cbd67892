package dev.jhsim.config.binary;

import dev.jhsim.config.ConfigFormatException;
import dev.jhsim.config.model.Architecture;
import dev.jhsim.config.model.CacheRegion;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.CellConfig;
import dev.jhsim.config.model.ConfigFile;
import dev.jhsim.config.model.Console;
import dev.jhsim.config.model.CpuSet;
import dev.jhsim.config.model.IommuUnit;
import dev.jhsim.config.model.IrqChip;
import dev.jhsim.config.model.Layout;
import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.config.model.PciCapability;
import dev.jhsim.config.model.PciDevice;
import dev.jhsim.config.model.PioRegion;
import dev.jhsim.config.model.PlatformInfo;
import dev.jhsim.config.model.PlatformInfo.ArmPlatform;
import dev.jhsim.config.model.PlatformInfo.Coloring;
import dev.jhsim.config.model.PlatformInfo.MemGuard;
import dev.jhsim.config.model.PlatformInfo.QosPlatform;
import dev.jhsim.config.model.PlatformInfo.X86Platform;
import dev.jhsim.config.model.QosDevice;
import dev.jhsim.config.model.SystemConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads binary {@code .cell} files of every supported layout. The layout is
 * detected from the signature and revision and, for revision 14, from which
 * layout's declared counts add up to the file's length. Every problem is a
 * {@link ConfigFormatException} naming the byte offset and field.
 */
public final class ConfigReader {
    private final LeInput in;
    private final LayoutHint hint;
    private Layout layout;

    private ConfigReader(byte[] data, LayoutHint hint) {
        this.in = new LeInput(data);
        this.hint = hint;
    }

    /**
     * A configuration and the bytes after it. Jailhouse sizes a configuration
     * from its header and ignores anything after it, so such files work on
     * real hardware; they usually come from a source that declares an array
     * it does not count.
     */
    public record Lenient(ConfigFile file, int length, int trailingBytes) {
    }

    /** Reads a system or cell configuration, detecting its layout; trailing bytes are an error. */
    public static ConfigFile read(byte[] data) throws ConfigFormatException {
        return read(data, LayoutHint.AUTO);
    }

    public static ConfigFile read(byte[] data, LayoutHint hint) throws ConfigFormatException {
        ConfigReader reader = new ConfigReader(data, hint);
        ConfigFile file = reader.readFile();
        if (reader.in.remaining() > 0) {
            throw reader.in.errorAt(reader.in.position(), "", "the configuration ends here ("
                    + reader.layout.description() + "), but the file has " + reader.in.remaining()
                    + " trailing bytes");
        }
        return file;
    }

    /** Reads like {@link #read}, but accepts trailing bytes as Jailhouse does, reporting how many. */
    public static Lenient readLenient(byte[] data, LayoutHint hint) throws ConfigFormatException {
        ConfigReader reader = new ConfigReader(data, hint);
        ConfigFile file = reader.readFile();
        return new Lenient(file, reader.in.position(), reader.in.remaining());
    }

    private ConfigFile readFile() throws ConfigFormatException {
        if (in.length() < StructSizes.FILE_HEADER) {
            throw in.errorAt(0, "header", "file is " + in.length()
                    + " bytes, too short for a configuration header (8 bytes)");
        }
        boolean system;
        boolean sixByteSignature;
        byte[] all = in.bytes(StructSizes.FILE_HEADER, "header");
        if (startsWith(all, "JHSYST")) {
            system = true;
            sixByteSignature = true;
        } else if (startsWith(all, "JHSYS")) {
            system = true;
            sixByteSignature = false;
        } else if (startsWith(all, "JHCELL")) {
            system = false;
            sixByteSignature = true;
        } else if (startsWith(all, "JHCLL")) {
            system = false;
            sixByteSignature = false;
        } else {
            throw in.errorAt(0, "signature", "'" + printable(all, 6)
                    + "' is not a Jailhouse configuration signature, expected JHSYS, JHCLL (revision 14)"
                    + " or JHSYST, JHCELL (revisions 12 and 13)");
        }
        int revision = (all[6] & 0xff) | (all[7] & 0xff) << 8;
        Architecture arch = null;
        if (sixByteSignature) {
            if (revision == 12) {
                layout = Layout.V12;
            } else if (revision == 13) {
                layout = Layout.V13;
            } else {
                throw in.errorAt(6, "revision", "revision " + revision + " with a 6-byte signature, expected 12"
                        + " or 13 (revision 14 uses " + (system ? "JHSYS" : "JHCLL") + ")");
            }
        } else {
            if (revision != 14) {
                throw in.errorAt(6, "revision", "unsupported revision " + revision + ", expected 14 (or 12 and 13"
                        + " with the 6-byte signature " + (system ? "JHSYST" : "JHCELL") + ")");
            }
            arch = Architecture.ofId(all[5] & 0xff);
            if (arch == null) {
                throw in.errorAt(5, "architecture", "unknown architecture " + (all[5] & 0xff)
                        + ", expected 0 (x86), 1 (arm) or 2 (arm64)");
            }
            layout = chooseRevision14Layout(system);
        }
        return system ? readSystem(arch) : readCellFile(arch);
    }

    private Layout chooseRevision14Layout(boolean system) {
        if (hint == LayoutHint.UPSTREAM) {
            return Layout.V14;
        }
        if (hint == LayoutHint.MINERVASYS) {
            return Layout.MINERVASYS;
        }
        byte[] data = in.data();
        long upstream = declaredLength(data, system, Layout.V14);
        long minerva = declaredLength(data, system, Layout.MINERVASYS);
        if (upstream == data.length) {
            return Layout.V14;
        }
        if (minerva == data.length) {
            return Layout.MINERVASYS;
        }
        // Neither is exact: prefer a layout that fits with trailing bytes over one that overflows the file.
        boolean upstreamFits = upstream > 0 && upstream < data.length;
        boolean minervaFits = minerva > 0 && minerva < data.length;
        return minervaFits && !upstreamFits ? Layout.MINERVASYS : Layout.V14;
    }

    /**
     * The length the file would have in {@code candidate}, from the counts in
     * its cell header, or -1 if the header does not even fit.
     */
    static long declaredLength(byte[] data, boolean system, Layout candidate) {
        int desc = system ? StructSizes.rootCellOffset(candidate) : 0;
        int descSize = StructSizes.cellDesc(candidate);
        if (data.length < desc + descSize) {
            return -1;
        }
        int counts = desc + 48;
        long total = (long) desc + descSize;
        total += u32(data, counts);
        total += u32(data, counts + 4) * StructSizes.memoryRegion(candidate);
        total += u32(data, counts + 8) * StructSizes.CACHE;
        total += u32(data, counts + 12) * StructSizes.IRQCHIP;
        total += u32(data, counts + 16) * StructSizes.PIO;
        total += u32(data, counts + 20) * StructSizes.PCI_DEVICE;
        total += u32(data, counts + 24) * StructSizes.PCI_CAPABILITY;
        total += u32(data, counts + 28) * StructSizes.STREAM_ID;
        if (candidate.isMinervaSys()) {
            total += u32(data, counts + 32) * StructSizes.QOS_DEVICE;
        }
        return total;
    }

    private static long u32(byte[] d, int off) {
        return (d[off] & 0xffL) | (d[off + 1] & 0xffL) << 8 | (d[off + 2] & 0xffL) << 16
                | (d[off + 3] & 0xffL) << 24;
    }

    private CellConfig readCellFile(Architecture arch) throws ConfigFormatException {
        in.enter("cell");
        Cell cell = readCellBody();
        in.leave();
        return new CellConfig(layout, arch, cell);
    }

    private SystemConfig readSystem(Architecture arch) throws ConfigFormatException {
        in.enter("system");
        long flags = in.u32("flags");
        in.enter("hypervisor_memory");
        MemoryRegion hv = readMemory();
        in.leave();
        in.enter("debug_console");
        Console debug = readConsole();
        in.leave();
        in.enter("platform_info");
        PlatformInfo platform = readPlatform(arch);
        in.leave();
        in.leave();
        in.enter("root cell");
        long rootHeader = in.u64("header");
        Cell root = readCellBody();
        in.leave();
        return new SystemConfig(layout, arch, flags, hv, debug, platform, rootHeader, root);
    }

    private PlatformInfo readPlatform(Architecture arch) throws ConfigFormatException {
        long mmconfig = in.u64("pci_mmconfig_base");
        int endBus = in.u8("pci_mmconfig_end_bus");
        int isVirtual = in.u8("pci_is_virtual");
        int domain = in.u16("pci_domain");
        long noSpectre = layout.isMinervaSys() ? in.u32("no_spectre_mitigation") : 0;
        if (layout == Layout.V12) {
            return readV12Union(mmconfig, endBus, isVirtual, domain);
        }
        List<IommuUnit> units = readIommuUnits();
        Coloring coloring = null;
        MemGuard memguard = null;
        QosPlatform qos = null;
        if (layout.isMinervaSys()) {
            coloring = new Coloring(in.u64("color.way_size"), in.u64("color.root_map_offset"));
            memguard = readMemGuard();
            qos = new QosPlatform(in.u64("qos.nic_base"), in.u64("qos.nic_size"));
        }
        boolean arm = arch != null ? arch.isArmFamily() : unionLooksArm();
        X86Platform x86 = null;
        ArmPlatform armInfo = null;
        if (arm) {
            in.enter("arm");
            int maint = in.u8("maintenance_irq");
            int version = in.u8("gic_version");
            in.reserved(2, "padding");
            armInfo = readGicBases(maint, version);
            in.leave();
        } else {
            in.enter("x86");
            int pmTimer = in.u16("pm_timer_address");
            int apicMode = in.u8("apic_mode");
            in.reserved(1, "padding");
            long vtdLimit = in.u32("vtd_interrupt_limit");
            long tsc = in.u32("tsc_khz");
            long apic = in.u32("apic_khz");
            in.reserved(StructSizes.platformUnion(layout) - 16, "unused union bytes");
            x86 = new X86Platform(pmTimer, apicMode, vtdLimit, tsc, apic);
            in.leave();
        }
        return new PlatformInfo(mmconfig, endBus, isVirtual, domain, noSpectre, units, coloring, memguard, qos,
                x86, armInfo);
    }

    /** Revision 12 keeps the IOMMU units inside the union, after each member's own fields. */
    private PlatformInfo readV12Union(long mmconfig, int endBus, int isVirtual, int domain)
            throws ConfigFormatException {
        if (unionLooksArm()) {
            in.enter("arm");
            int maint = in.u8("maintenance_irq");
            int version = in.u8("gic_version");
            ArmPlatform arm = readGicBases(maint, version);
            List<IommuUnit> units = readIommuUnits();
            in.leave();
            return new PlatformInfo(mmconfig, endBus, isVirtual, domain, 0, units, null, null, null, null, arm);
        }
        in.enter("x86");
        int pmTimer = in.u16("pm_timer_address");
        long vtdLimit = in.u32("vtd_interrupt_limit");
        int apicMode = in.u8("apic_mode");
        in.reserved(3, "padding");
        long tsc = in.u32("tsc_khz");
        long apic = in.u32("apic_khz");
        List<IommuUnit> units = readIommuUnits();
        in.reserved(266 - 242, "unused union bytes");
        in.leave();
        return new PlatformInfo(mmconfig, endBus, isVirtual, domain, 0, units, null, null, null,
                new X86Platform(pmTimer, apicMode, vtdLimit, tsc, apic), null);
    }

    private ArmPlatform readGicBases(int maint, int version) throws ConfigFormatException {
        return new ArmPlatform(maint, version, in.u64("gicd_base"), in.u64("gicc_base"), in.u64("gich_base"),
                in.u64("gicv_base"), in.u64("gicr_base"));
    }

    /**
     * Revisions 12 and 13 do not record the architecture, so the union is read
     * as ARM when it holds a plausible GIC description or when bytes the x86
     * member leaves unused are set; otherwise as x86.
     */
    private boolean unionLooksArm() {
        byte[] d = in.data();
        int u = in.position(); // called with the cursor at the start of the union
        int size = StructSizes.platformUnion(layout);
        if (u + size > d.length) {
            return true;
        }
        int gicVersion = d[u + 1] & 0xff;
        int basesAt = u + (layout == Layout.V12 ? 2 : 4);
        long gicd = u32(d, basesAt) | u32(d, basesAt + 4) << 32;
        if ((gicVersion == 2 || gicVersion == 3) && gicd != 0 && (gicd & 0xfff) == 0) {
            return true;
        }
        int[] x86Unused = layout == Layout.V12
                ? new int[] {7, 10, 242, 266}   // padding[3], then the bytes after the IOMMU units
                : new int[] {3, 4, 16, 44};     // padding, then the bytes after apic_khz
        for (int r = 0; r < x86Unused.length; r += 2) {
            for (int i = x86Unused[r]; i < x86Unused[r + 1]; i++) {
                if (d[u + i] != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private MemGuard readMemGuard() throws ConfigFormatException {
        in.enter("memguard");
        long numIrqs = in.u32("num_irqs");
        long hvTimer = in.u32("hv_timer");
        int prioMin = in.u8("irq_prio_min");
        int prioMax = in.u8("irq_prio_max");
        int prioStep = in.u8("irq_prio_step");
        int prioThreshold = in.u8("irq_prio_threshold");
        long numPmu = in.u32("num_pmu_irq");
        List<Long> pmu = new ArrayList<>();
        for (int i = 0; i < MemGuard.MAX_PMU_IRQS; i++) {
            pmu.add(in.u32("pmu_cpu_irq[" + i + "]"));
        }
        in.leave();
        return new MemGuard(numIrqs, hvTimer, prioMin, prioMax, prioStep, prioThreshold, numPmu, pmu);
    }

    private List<IommuUnit> readIommuUnits() throws ConfigFormatException {
        List<IommuUnit> units = new ArrayList<>();
        for (int i = 0; i < PlatformInfo.MAX_IOMMU_UNITS; i++) {
            in.enter("iommu_units[" + i + "]");
            long type = in.u32("type");
            long base = in.u64("base");
            long size = in.u32("size");
            IommuUnit.Amd amd = null;
            IommuUnit.TiPvu tipvu = null;
            if (type == IommuUnit.TYPE_AMD) {
                amd = new IommuUnit.Amd(in.u16("amd.bdf"), in.u8("amd.base_cap"), in.u8("amd.msi_cap"),
                        in.u32("amd.features"));
                in.reserved(4, "unused union bytes");
            } else {
                tipvu = new IommuUnit.TiPvu(in.u64("tipvu.tlb_base"), in.u32("tipvu.tlb_size"));
            }
            units.add(new IommuUnit(type, base, size, amd, tipvu));
            in.leave();
        }
        return units;
    }

    /** The cell descriptor after its 8 header bytes, followed by its arrays. */
    private Cell readCellBody() throws ConfigFormatException {
        String name = in.name(Cell.NAME_BYTES, "name");
        long id = in.u32("id");
        long flags = in.u32("flags");
        int[] countAt = new int[9];
        long[] counts = new long[9];
        String[] countNames = {"cpu_set_size", "num_memory_regions", "num_cache_regions", "num_irqchips",
            "num_pio_regions", "num_pci_devices", "num_pci_caps", "num_stream_ids", "num_qos_devices"};
        int numCounts = layout.isMinervaSys() ? 9 : 8;
        for (int i = 0; i < numCounts; i++) {
            countAt[i] = in.position();
            counts[i] = in.u32(countNames[i]);
        }
        long vpciIrqBase = in.u32("vpci_irq_base");
        long resetAddress = in.u64("cpu_reset_address");
        long replyTimeout = in.u64("msg_reply_timeout");
        in.enter("console");
        Console console = readConsole();
        in.leave();

        int[] elementSizes = {1, StructSizes.memoryRegion(layout), StructSizes.CACHE, StructSizes.IRQCHIP,
            StructSizes.PIO, StructSizes.PCI_DEVICE, StructSizes.PCI_CAPABILITY, StructSizes.STREAM_ID,
            StructSizes.QOS_DEVICE};
        long needed = 0;
        for (int i = 0; i < numCounts; i++) {
            needed += counts[i] * elementSizes[i];
            if (needed > in.remaining()) {
                throw in.errorAt(countAt[i], countNames[i], countNames[i] + " is " + counts[i]
                        + ", which needs " + needed + " bytes of arrays up to here, but only " + in.remaining()
                        + " bytes follow the cell header");
            }
        }

        CpuSet cpus = CpuSet.fromBytes(in.bytes((int) counts[0], "cpu set"));
        List<MemoryRegion> mem = new ArrayList<>();
        for (int i = 0; i < counts[1]; i++) {
            in.enter("memory region " + i);
            mem.add(readMemory());
            in.leave();
        }
        List<CacheRegion> caches = new ArrayList<>();
        for (int i = 0; i < counts[2]; i++) {
            in.enter("cache region " + i);
            long start = in.u32("start");
            long size = in.u32("size");
            int type = in.u8("type");
            in.reserved(1, "padding");
            caches.add(new CacheRegion(start, size, type, in.u16("flags")));
            in.leave();
        }
        List<IrqChip> irqchips = new ArrayList<>();
        for (int i = 0; i < counts[3]; i++) {
            in.enter("irqchip " + i);
            long address = in.u64("address");
            long chipId = in.u32("id");
            long pinBase = in.u32("pin_base");
            List<Long> bitmap = new ArrayList<>();
            for (int w = 0; w < IrqChip.BITMAP_WORDS; w++) {
                bitmap.add(in.u32("pin_bitmap[" + w + "]"));
            }
            irqchips.add(new IrqChip(address, chipId, pinBase, bitmap));
            in.leave();
        }
        List<PioRegion> pio = new ArrayList<>();
        for (int i = 0; i < counts[4]; i++) {
            in.enter("pio region " + i);
            pio.add(new PioRegion(in.u16("base"), in.u16("length")));
            in.leave();
        }
        List<PciDevice> pci = new ArrayList<>();
        for (int i = 0; i < counts[5]; i++) {
            in.enter("pci device " + i);
            pci.add(readPciDevice());
            in.leave();
        }
        List<PciCapability> caps = new ArrayList<>();
        for (int i = 0; i < counts[6]; i++) {
            in.enter("pci capability " + i);
            caps.add(new PciCapability(in.u16("id"), in.u16("start"), in.u16("len"), in.u16("flags")));
            in.leave();
        }
        List<Long> streamIds = new ArrayList<>();
        for (int i = 0; i < counts[7]; i++) {
            streamIds.add(in.u32("stream id " + i));
        }
        List<QosDevice> qos = new ArrayList<>();
        for (int i = 0; i < counts[8]; i++) {
            in.enter("qos device " + i);
            String qosName = in.name(QosDevice.NAME_BYTES, "name");
            qos.add(new QosDevice(qosName, in.u8("flags"), in.u32("base")));
            in.leave();
        }
        return new Cell(name, id, flags, cpus, mem, caches, irqchips, pio, pci, caps, streamIds, qos,
                vpciIrqBase, resetAddress, replyTimeout, console);
    }

    private PciDevice readPciDevice() throws ConfigFormatException {
        int type = in.u8("type");
        int iommu = in.u8("iommu");
        int domain = in.u16("domain");
        int bdf = in.u16("bdf");
        List<Long> bars = new ArrayList<>();
        for (int b = 0; b < PciDevice.BARS; b++) {
            bars.add(in.u32("bar_mask[" + b + "]"));
        }
        int capsStart = in.u16("caps_start");
        int numCaps = in.u16("num_caps");
        int msiVectors = in.u8("num_msi_vectors");
        int msiBits = in.u8("msi_64bits/msi_maskable");
        if ((msiBits & ~0x3) != 0) {
            throw in.errorAt(in.position() - 1, "msi_64bits/msi_maskable", String.format(
                    "unused bits 2-7 of the MSI bitfield byte are 0x%02x, expected 0", msiBits & ~0x3));
        }
        int msixVectors = in.u16("num_msix_vectors");
        int msixRegion = in.u16("msix_region_size");
        long msixAddress = in.u64("msix_address");
        long shmemStart = in.u32("shmem_regions_start");
        int devId = in.u8("shmem_dev_id");
        int peers = in.u8("shmem_peers");
        int protocol = in.u16("shmem_protocol");
        return new PciDevice(type, iommu, domain, bdf, bars, capsStart, numCaps, msiVectors,
                (msiBits & 1) != 0, (msiBits & 2) != 0, msixVectors, msixRegion, msixAddress, shmemStart, devId,
                peers, protocol);
    }

    private MemoryRegion readMemory() throws ConfigFormatException {
        long phys = in.u64("phys_start");
        long virt = in.u64("virt_start");
        long size = in.u64("size");
        long flags = in.u64("flags");
        long colors = layout.isMinervaSys() ? in.u64("colors") : 0;
        return new MemoryRegion(phys, virt, size, flags, colors);
    }

    private Console readConsole() throws ConfigFormatException {
        long address = in.u64("address");
        long size = in.u32("size");
        int type = in.u16("type");
        int flags = in.u16("flags");
        return new Console(address, size, type, flags, in.u32("divider"), in.u32("gate_nr"),
                in.u64("clock_reg"));
    }

    private static boolean startsWith(byte[] data, String prefix) {
        if (data.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String printable(byte[] data, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, data.length); i++) {
            int c = data[i] & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.toString();
    }
}
