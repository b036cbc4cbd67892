package dev.jhsim.config.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.jhsim.config.model.Symbols;
import dev.jhsim.config.model.SystemConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of configuration files (see docs/config-format.md). Field
 * names follow the C structures; flags and enumerated values are written
 * symbolically, addresses and sizes as hex strings. Reading accepts numbers
 * and symbols anywhere and treats absent fields as zero.
 */
public final class JsonForm {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonForm() {
    }

    // ---------------------------------------------------------------- writing

    /** The JSON text of {@code file}, ending in a newline. */
    public static String toJson(ConfigFile file) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("kind", file.kind());
        root.put("layout", file.layout().id());
        if (file.architecture() != null) {
            root.put("architecture", file.architecture().displayName());
        }
        if (file instanceof SystemConfig sys) {
            writeSystem(root, sys);
        } else {
            writeCell(root, ((CellConfig) file).cell(), file.layout());
        }
        return print(root);
    }

    /** The project's JSON text style: two-space indentation, {@code "key": value}, LF line ends, final newline. */
    public static String print(JsonNode root) {
        try {
            Separators separators = Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"));
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    private static void writeSystem(ObjectNode o, SystemConfig sys) {
        o.put("flags", SystemConfig.FLAGS.render(sys.flags()));
        o.set("hypervisor_memory", memory(sys.hypervisorMemory(), sys.layout()));
        o.set("debug_console", console(sys.debugConsole()));
        o.set("platform_info", platform(sys.platform(), sys.layout()));
        if (sys.rootCellHeader() != 0) {
            o.put("root_cell_header", hex(sys.rootCellHeader()));
        }
        ObjectNode root = o.putObject("root_cell");
        writeCell(root, sys.rootCell(), sys.layout());
    }

    private static ObjectNode platform(PlatformInfo p, Layout layout) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("pci_mmconfig_base", hex(p.pciMmconfigBase()));
        o.put("pci_mmconfig_end_bus", p.pciMmconfigEndBus());
        o.put("pci_is_virtual", p.pciIsVirtual());
        o.put("pci_domain", p.pciDomain());
        if (layout.isMinervaSys()) {
            o.put("no_spectre_mitigation", p.noSpectreMitigation());
        }
        ArrayNode units = o.putArray("iommu_units");
        int used = p.iommuUnits().size();
        while (used > 0 && p.iommuUnits().get(used - 1).isEmpty()) {
            used--;
        }
        for (IommuUnit u : p.iommuUnits().subList(0, used)) {
            ObjectNode n = units.addObject();
            n.put("type", IommuUnit.TYPES.render(u.type()));
            n.put("base", hex(u.base()));
            n.put("size", hex(u.size()));
            if (u.amd() != null) {
                ObjectNode amd = n.putObject("amd");
                amd.put("bdf", hex(u.amd().bdf()));
                amd.put("base_cap", hex(u.amd().baseCap()));
                amd.put("msi_cap", hex(u.amd().msiCap()));
                amd.put("features", hex(u.amd().features()));
            }
            if (u.tipvu() != null) {
                ObjectNode pvu = n.putObject("tipvu");
                pvu.put("tlb_base", hex(u.tipvu().tlbBase()));
                pvu.put("tlb_size", hex(u.tipvu().tlbSize()));
            }
        }
        if (p.hasMinervaBlocks()) {
            ObjectNode color = o.putObject("color");
            color.put("way_size", hex(p.coloring().waySize()));
            color.put("root_map_offset", hex(p.coloring().rootMapOffset()));
            MemGuard mg = p.memguard();
            ObjectNode m = o.putObject("memguard");
            m.put("num_irqs", mg.numIrqs());
            m.put("hv_timer", mg.hvTimer());
            m.put("irq_prio_min", hex(mg.irqPrioMin()));
            m.put("irq_prio_max", hex(mg.irqPrioMax()));
            m.put("irq_prio_step", hex(mg.irqPrioStep()));
            m.put("irq_prio_threshold", hex(mg.irqPrioThreshold()));
            m.put("num_pmu_irq", mg.numPmuIrq());
            ArrayNode pmu = m.putArray("pmu_cpu_irq");
            mg.pmuCpuIrq().forEach(pmu::add);
            ObjectNode qos = o.putObject("qos");
            qos.put("nic_base", hex(p.qos().nicBase()));
            qos.put("nic_size", hex(p.qos().nicSize()));
        }
        if (p.arm() != null) {
            ArmPlatform a = p.arm();
            ObjectNode arm = o.putObject("arm");
            arm.put("maintenance_irq", a.maintenanceIrq());
            arm.put("gic_version", a.gicVersion());
            arm.put("gicd_base", hex(a.gicdBase()));
            arm.put("gicc_base", hex(a.giccBase()));
            arm.put("gich_base", hex(a.gichBase()));
            arm.put("gicv_base", hex(a.gicvBase()));
            arm.put("gicr_base", hex(a.gicrBase()));
        } else {
            X86Platform x = p.x86();
            ObjectNode x86 = o.putObject("x86");
            x86.put("pm_timer_address", hex(x.pmTimerAddress()));
            x86.put("apic_mode", X86Platform.APIC_MODES.render(x.apicMode()));
            x86.put("vtd_interrupt_limit", x.vtdInterruptLimit());
            x86.put("tsc_khz", x.tscKhz());
            x86.put("apic_khz", x.apicKhz());
        }
        return o;
    }

    private static void writeCell(ObjectNode o, Cell c, Layout layout) {
        o.put("name", c.name());
        o.put("id", c.id());
        o.put("flags", Cell.FLAGS.render(c.flags()));
        o.put("cpu_set_size", c.cpus().sizeBytes());
        o.put("cpus", c.cpus().toRanges());
        o.put("vpci_irq_base", c.vpciIrqBase());
        o.put("cpu_reset_address", hex(c.cpuResetAddress()));
        o.put("msg_reply_timeout", c.msgReplyTimeout());
        o.set("console", console(c.console()));
        ArrayNode mem = o.putArray("memory_regions");
        c.memoryRegions().forEach(m -> mem.add(memory(m, layout)));
        ArrayNode caches = o.putArray("cache_regions");
        for (CacheRegion cr : c.cacheRegions()) {
            ObjectNode n = caches.addObject();
            n.put("start", cr.start());
            n.put("size", cr.size());
            n.put("type", CacheRegion.TYPES.render(cr.type()));
            n.put("flags", CacheRegion.FLAGS.render(cr.flags()));
        }
        ArrayNode chips = o.putArray("irqchips");
        for (IrqChip chip : c.irqchips()) {
            ObjectNode n = chips.addObject();
            n.put("address", hex(chip.address()));
            n.put("id", hex(chip.id()));
            n.put("pin_base", chip.pinBase());
            ArrayNode bitmap = n.putArray("pin_bitmap");
            chip.pinBitmap().forEach(w -> bitmap.add(hex(w)));
        }
        ArrayNode pio = o.putArray("pio_regions");
        for (PioRegion r : c.pioRegions()) {
            ObjectNode n = pio.addObject();
            n.put("base", hex(r.base()));
            n.put("length", hex(r.length()));
        }
        ArrayNode pci = o.putArray("pci_devices");
        c.pciDevices().forEach(d -> pci.add(pciDevice(d)));
        ArrayNode caps = o.putArray("pci_caps");
        for (PciCapability cap : c.pciCaps()) {
            ObjectNode n = caps.addObject();
            n.put("id", hex(cap.id()));
            n.put("start", hex(cap.start()));
            n.put("len", cap.len());
            n.put("flags", PciCapability.FLAGS.render(cap.flags()));
        }
        ArrayNode sids = o.putArray("stream_ids");
        c.streamIds().forEach(s -> sids.add(hex(s)));
        if (layout.isMinervaSys()) {
            ArrayNode qos = o.putArray("qos_devices");
            for (QosDevice q : c.qosDevices()) {
                ObjectNode n = qos.addObject();
                n.put("name", q.name());
                n.put("flags", hex(q.flags()));
                n.put("base", hex(q.base()));
            }
        }
    }

    private static ObjectNode pciDevice(PciDevice d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", PciDevice.TYPES.render(d.type()));
        n.put("iommu", d.iommu());
        n.put("domain", hex(d.domain()));
        n.put("bdf", hex(d.bdf()));
        ArrayNode bars = n.putArray("bar_mask");
        d.barMask().forEach(b -> bars.add(hex(b)));
        n.put("caps_start", d.capsStart());
        n.put("num_caps", d.numCaps());
        n.put("num_msi_vectors", d.numMsiVectors());
        n.put("msi_64bits", d.msi64Bits());
        n.put("msi_maskable", d.msiMaskable());
        n.put("num_msix_vectors", d.numMsixVectors());
        n.put("msix_region_size", hex(d.msixRegionSize()));
        n.put("msix_address", hex(d.msixAddress()));
        n.put("shmem_regions_start", d.shmemRegionsStart());
        n.put("shmem_dev_id", d.shmemDevId());
        n.put("shmem_peers", d.shmemPeers());
        n.put("shmem_protocol", hex(d.shmemProtocol()));
        return n;
    }

    private static ObjectNode memory(MemoryRegion m, Layout layout) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("phys_start", hex(m.physStart()));
        n.put("virt_start", hex(m.virtStart()));
        n.put("size", hex(m.size()));
        n.put("flags", MemoryRegion.FLAGS.render(m.flags()));
        if (layout.isMinervaSys()) {
            n.put("colors", hex(m.colors()));
        }
        return n;
    }

    private static ObjectNode console(Console c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("address", hex(c.address()));
        n.put("size", hex(c.size()));
        n.put("type", Console.TYPES.render(c.type()));
        n.put("flags", Console.FLAGS.render(c.flags()));
        n.put("divider", c.divider());
        n.put("gate_nr", c.gateNr());
        n.put("clock_reg", hex(c.clockReg()));
        return n;
    }

    private static String hex(long v) {
        return Symbols.hex(v);
    }

    // ---------------------------------------------------------------- reading

    /** Reads the JSON form; every error names the JSON path or the line and column. */
    public static ConfigFile fromJson(String text) throws ConfigFormatException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new ConfigFormatException(where, "invalid JSON: " + e.getOriginalMessage().lines().findFirst()
                    .orElse("syntax error"));
        }
        if (tree == null) {
            throw new ConfigFormatException("", "empty JSON document");
        }
        JsonIn root = new JsonIn(tree, "$");
        String kind = root.text("kind");
        String layoutName = root.text("layout");
        Layout layout = layoutName == null ? Layout.V14 : Layout.ofId(layoutName);
        if (layout == null) {
            throw root.error("layout", "unknown layout '" + layoutName + "', expected v12, v13, v14 or minervasys");
        }
        Architecture arch = null;
        String archName = root.text("architecture");
        if (archName != null) {
            arch = Architecture.ofName(archName);
            if (arch == null) {
                throw root.error("architecture", "unknown architecture '" + archName
                        + "', expected x86, arm or arm64");
            }
            if (!layout.hasArchitectureByte()) {
                throw root.error("architecture", layout.description()
                        + " does not record the architecture; remove the field");
            }
        } else if (layout.hasArchitectureByte()) {
            throw root.error("architecture", "missing; " + layout.description()
                    + " records the architecture (x86, arm or arm64)");
        }
        ConfigFile file;
        if ("system".equals(kind)) {
            file = readSystem(root, layout, arch);
        } else if ("cell".equals(kind)) {
            file = new CellConfig(layout, arch, readCell(root, layout));
        } else {
            throw root.error("kind", kind == null ? "missing; expected \"system\" or \"cell\""
                    : "'" + kind + "', expected \"system\" or \"cell\"");
        }
        root.done();
        return file;
    }

    private static SystemConfig readSystem(JsonIn o, Layout layout, Architecture arch)
            throws ConfigFormatException {
        long flags = o.number("flags", 32, SystemConfig.FLAGS);
        MemoryRegion hv = readMemory(require(o, "hypervisor_memory"), layout);
        Console debug = readConsole(require(o, "debug_console"));
        PlatformInfo platform = readPlatform(require(o, "platform_info"), layout, arch);
        long rootHeader = o.u64("root_cell_header");
        JsonIn root = require(o, "root_cell");
        Cell rootCell = readCell(root, layout);
        root.done();
        return build(o, () -> new SystemConfig(layout, arch, flags, hv, debug, platform, rootHeader, rootCell));
    }

    private static JsonIn require(JsonIn o, String key) throws ConfigFormatException {
        JsonIn child = o.object(key);
        if (child == null) {
            throw o.error(key, "missing");
        }
        return child;
    }

    private static PlatformInfo readPlatform(JsonIn o, Layout layout, Architecture arch)
            throws ConfigFormatException {
        long mmconfig = o.u64("pci_mmconfig_base");
        int endBus = o.u8("pci_mmconfig_end_bus");
        int isVirtual = o.u8("pci_is_virtual");
        int domain = o.u16("pci_domain");
        long noSpectre = minervaOnly(o, "no_spectre_mitigation", layout) ? o.u32("no_spectre_mitigation") : 0;
        List<IommuUnit> units = new ArrayList<>();
        List<JsonIn> unitNodes = o.objects("iommu_units");
        if (unitNodes.size() > PlatformInfo.MAX_IOMMU_UNITS) {
            throw o.error("iommu_units", unitNodes.size() + " units, at most " + PlatformInfo.MAX_IOMMU_UNITS);
        }
        for (JsonIn u : unitNodes) {
            units.add(readIommu(u));
        }
        Coloring coloring = null;
        MemGuard memguard = null;
        QosPlatform qos = null;
        if (layout.isMinervaSys()) {
            JsonIn c = require(o, "color");
            coloring = new Coloring(c.u64("way_size"), c.u64("root_map_offset"));
            c.done();
            memguard = readMemGuard(require(o, "memguard"));
            JsonIn q = require(o, "qos");
            qos = new QosPlatform(q.u64("nic_base"), q.u64("nic_size"));
            q.done();
        } else {
            for (String key : new String[] {"color", "memguard", "qos"}) {
                minervaOnly(o, key, layout);
            }
        }
        JsonIn armNode = o.object("arm");
        JsonIn x86Node = o.object("x86");
        if ((armNode == null) == (x86Node == null)) {
            throw o.error(armNode == null ? "arm" : "x86", "exactly one of \"arm\" and \"x86\" is needed");
        }
        if (arch != null && arch.isArmFamily() != (armNode != null)) {
            throw o.error(armNode != null ? "arm" : "x86", "architecture " + arch.displayName() + " needs \""
                    + (arch.isArmFamily() ? "arm" : "x86") + "\" platform fields");
        }
        X86Platform x86 = null;
        ArmPlatform arm = null;
        if (armNode != null) {
            arm = new ArmPlatform(armNode.u8("maintenance_irq"), armNode.u8("gic_version"),
                    armNode.u64("gicd_base"), armNode.u64("gicc_base"), armNode.u64("gich_base"),
                    armNode.u64("gicv_base"), armNode.u64("gicr_base"));
            armNode.done();
        } else {
            x86 = new X86Platform(x86Node.u16("pm_timer_address"),
                    (int) x86Node.number("apic_mode", 8, X86Platform.APIC_MODES), x86Node.u32("vtd_interrupt_limit"),
                    x86Node.u32("tsc_khz"), x86Node.u32("apic_khz"));
            x86Node.done();
        }
        o.done();
        final X86Platform fx86 = x86;
        final ArmPlatform farm = arm;
        final Coloring fcol = coloring;
        final MemGuard fmg = memguard;
        final QosPlatform fqos = qos;
        return build(o, () -> new PlatformInfo(mmconfig, endBus, isVirtual, domain, noSpectre, units, fcol, fmg,
                fqos, fx86, farm));
    }

    /** Whether a MinervaSys-only field is present; an error if it is present in another layout. */
    private static boolean minervaOnly(JsonIn o, String key, Layout layout) throws ConfigFormatException {
        if (!o.has(key)) {
            return false;
        }
        if (!layout.isMinervaSys()) {
            throw o.error(key, "exists only in the MinervaSys layout, not " + layout.description());
        }
        return true;
    }

    private static IommuUnit readIommu(JsonIn u) throws ConfigFormatException {
        long type = u.number("type", 32, IommuUnit.TYPES);
        IommuUnit.Amd amd = null;
        IommuUnit.TiPvu tipvu = null;
        JsonIn a = u.object("amd");
        if (a != null) {
            amd = new IommuUnit.Amd(a.u16("bdf"), a.u8("base_cap"), a.u8("msi_cap"), a.u32("features"));
            a.done();
        }
        JsonIn p = u.object("tipvu");
        if (p != null) {
            tipvu = new IommuUnit.TiPvu(p.u64("tlb_base"), p.u32("tlb_size"));
            p.done();
        }
        long base = u.u64("base");
        long size = u.u32("size");
        u.done();
        final IommuUnit.Amd famd = amd;
        final IommuUnit.TiPvu fpvu = tipvu;
        IommuUnit unit = build(u, () -> new IommuUnit(type, base, size, famd, fpvu));
        if (unit.amd() != null && type != IommuUnit.TYPE_AMD) {
            throw u.error("amd", "amd fields need type AMD");
        }
        if (unit.tipvu() != null && type == IommuUnit.TYPE_AMD) {
            throw u.error("tipvu", "tipvu fields cannot be used with type AMD");
        }
        return unit;
    }

    private static MemGuard readMemGuard(JsonIn m) throws ConfigFormatException {
        List<Long> pmu = m.numbers("pmu_cpu_irq", 32);
        if (pmu.size() > MemGuard.MAX_PMU_IRQS) {
            throw m.error("pmu_cpu_irq", pmu.size() + " entries, at most " + MemGuard.MAX_PMU_IRQS);
        }
        List<Long> padded = new ArrayList<>(pmu);
        while (padded.size() < MemGuard.MAX_PMU_IRQS) {
            padded.add(0L);
        }
        MemGuard mg = build(m, () -> new MemGuard(m.u32("num_irqs"), m.u32("hv_timer"), m.u8("irq_prio_min"),
                m.u8("irq_prio_max"), m.u8("irq_prio_step"), m.u8("irq_prio_threshold"), m.u32("num_pmu_irq"),
                padded));
        m.done();
        return mg;
    }

    private static Cell readCell(JsonIn o, Layout layout) throws ConfigFormatException {
        String name = o.text("name");
        long id = o.u32("id");
        long flags = o.number("flags", 32, Cell.FLAGS);
        CpuSet cpus = readCpus(o);
        long vpci = o.u32("vpci_irq_base");
        long reset = o.u64("cpu_reset_address");
        long timeout = o.u64("msg_reply_timeout");
        JsonIn consoleNode = o.object("console");
        Console console = consoleNode == null ? Console.NONE : readConsole(consoleNode);
        List<MemoryRegion> mem = new ArrayList<>();
        for (JsonIn m : o.objects("memory_regions")) {
            mem.add(readMemory(m, layout));
        }
        List<CacheRegion> caches = new ArrayList<>();
        for (JsonIn c : o.objects("cache_regions")) {
            caches.add(build(c, () -> new CacheRegion(c.u32("start"), c.u32("size"),
                    (int) c.number("type", 8, CacheRegion.TYPES), (int) c.number("flags", 16, CacheRegion.FLAGS))));
            c.done();
        }
        List<IrqChip> chips = new ArrayList<>();
        for (JsonIn c : o.objects("irqchips")) {
            List<Long> bitmap = c.numbers("pin_bitmap", 32);
            if (bitmap.size() > IrqChip.BITMAP_WORDS) {
                throw c.error("pin_bitmap", bitmap.size() + " words, at most " + IrqChip.BITMAP_WORDS);
            }
            while (bitmap.size() < IrqChip.BITMAP_WORDS) {
                bitmap.add(0L);
            }
            chips.add(build(c, () -> new IrqChip(c.u64("address"), c.u32("id"), c.u32("pin_base"), bitmap)));
            c.done();
        }
        List<PioRegion> pio = new ArrayList<>();
        for (JsonIn p : o.objects("pio_regions")) {
            pio.add(build(p, () -> new PioRegion(p.u16("base"), p.u16("length"))));
            p.done();
        }
        List<PciDevice> pci = new ArrayList<>();
        for (JsonIn d : o.objects("pci_devices")) {
            pci.add(readPciDevice(d));
        }
        List<PciCapability> caps = new ArrayList<>();
        for (JsonIn c : o.objects("pci_caps")) {
            caps.add(build(c, () -> new PciCapability(c.u16("id"), c.u16("start"), c.u16("len"),
                    (int) c.number("flags", 16, PciCapability.FLAGS))));
            c.done();
        }
        List<Long> sids = o.numbers("stream_ids", 32);
        List<QosDevice> qos = new ArrayList<>();
        if (minervaOnly(o, "qos_devices", layout)) {
            for (JsonIn q : o.objects("qos_devices")) {
                qos.add(build(q, () -> new QosDevice(orEmpty(q.text("name")), q.u8("flags"), q.u32("base"))));
                q.done();
            }
        }
        return build(o, () -> new Cell(orEmpty(name), id, flags, cpus, mem, caches, chips, pio, pci, caps, sids,
                qos, vpci, reset, timeout, console));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static CpuSet readCpus(JsonIn o) throws ConfigFormatException {
        String ranges = o.text("cpus");
        List<Integer> cpus;
        try {
            cpus = ranges == null ? List.of() : CpuSet.parseRanges(ranges);
        } catch (IllegalArgumentException e) {
            throw o.error("cpus", e.getMessage());
        }
        if (!o.has("cpu_set_size")) {
            return CpuSet.ofWords(cpus);
        }
        long size = o.u32("cpu_set_size");
        if (size > 1 << 20) {
            throw o.error("cpu_set_size", size + " bytes is beyond any machine jhsim models (at most 1 MiB)");
        }
        return build(o, () -> CpuSet.of((int) size, cpus));
    }

    private static PciDevice readPciDevice(JsonIn d) throws ConfigFormatException {
        List<Long> bars = d.numbers("bar_mask", 32);
        if (bars.size() > PciDevice.BARS) {
            throw d.error("bar_mask", bars.size() + " entries, at most " + PciDevice.BARS);
        }
        while (bars.size() < PciDevice.BARS) {
            bars.add(0L);
        }
        PciDevice dev = build(d, () -> new PciDevice((int) d.number("type", 8, PciDevice.TYPES), d.u8("iommu"),
                d.u16("domain"), d.u16("bdf"), bars, d.u16("caps_start"), d.u16("num_caps"),
                d.u8("num_msi_vectors"), d.bool("msi_64bits"), d.bool("msi_maskable"), d.u16("num_msix_vectors"),
                d.u16("msix_region_size"), d.u64("msix_address"), d.u32("shmem_regions_start"),
                d.u8("shmem_dev_id"), d.u8("shmem_peers"), (int) d.number("shmem_protocol", 16,
                        PciDevice.SHMEM_PROTOCOLS)));
        d.done();
        return dev;
    }

    private static MemoryRegion readMemory(JsonIn m, Layout layout) throws ConfigFormatException {
        long colors = minervaOnly(m, "colors", layout) ? m.u64("colors") : 0;
        MemoryRegion r = new MemoryRegion(m.u64("phys_start"), m.u64("virt_start"), m.u64("size"),
                m.number("flags", 64, MemoryRegion.FLAGS), colors);
        m.done();
        return r;
    }

    private static Console readConsole(JsonIn c) throws ConfigFormatException {
        Console console = build(c, () -> new Console(c.u64("address"), c.u32("size"),
                (int) c.number("type", 16, Console.TYPES), (int) c.number("flags", 16, Console.FLAGS),
                c.u32("divider"), c.u32("gate_nr"), c.u64("clock_reg")));
        c.done();
        return console;
    }

    /** A model constructor whose validation failures become errors at {@code at}'s path. */
    private interface Builder<T> {
        T build() throws ConfigFormatException;
    }

    private static <T> T build(JsonIn at, Builder<T> builder) throws ConfigFormatException {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigFormatException(at.path(), e.getMessage());
        }
    }
}
