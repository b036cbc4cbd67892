package dev.jhsim.hypervisor.driver;

import dev.jhsim.config.model.Console;
import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.config.model.SystemConfig;
import dev.jhsim.hypervisor.arm64.Arm64;
import dev.jhsim.hypervisor.core.CellFailure;
import dev.jhsim.hypervisor.core.CommRegion;
import dev.jhsim.hypervisor.core.Control;
import dev.jhsim.hypervisor.core.CpuStats;
import dev.jhsim.hypervisor.core.HypervisorConsole;
import dev.jhsim.hypervisor.core.HypervisorError;
import dev.jhsim.hypervisor.core.HypervisorImage;
import dev.jhsim.hypervisor.core.Jailhouse;
import dev.jhsim.hypervisor.core.PerCpu;
import dev.jhsim.hypervisor.core.PhysicalMemory;
import dev.jhsim.hypervisor.core.Setup;
import dev.jhsim.hypervisor.uart.DebugUarts;
import dev.jhsim.machine.board.BoardDescription;
import dev.jhsim.machine.board.Machine;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Jailhouse's Linux driver on a simulated board ({@code driver/main.c},
 * {@code cell.c}, {@code sysfs.c}): it checks configurations, loads the
 * hypervisor into its memory and enters it, keeps the cell list with the
 * IDs it gives, copies images into cells, and makes the management
 * hypercalls, running on the root cell's first CPU not being given away.
 * Linux, which runs no code in jhsim, has every CPU of the board online.
 */
public final class HypervisorDriver implements JailhouseDriver {
    private static final String ENABLE = "JAILHOUSE_ENABLE";
    private static final String DISABLE = "JAILHOUSE_DISABLE";
    private static final String CELL_CREATE = "JAILHOUSE_CELL_CREATE";
    private static final String CELL_LOAD = "JAILHOUSE_CELL_LOAD";
    private static final String CELL_START = "JAILHOUSE_CELL_START";
    private static final String CELL_DESTROY = "JAILHOUSE_CELL_DESTROY";
    private static final String STATISTICS = "reading statistics";
    private static final long LOADABLE_WRITE = MemoryRegion.WRITE | MemoryRegion.LOADABLE;

    /** A cell as the driver knows it: the ID it gave, the name, the CPUs and memory of its configuration. */
    private record DriverCell(int id, String name, BitSet cpus, List<MemoryRegion> memory) {
    }

    private final Machine machine;
    private final PhysicalMemory memory;
    private final ConsoleReader console;
    private final Consumer<CellFailure> failures;
    private final List<DriverCell> cells = new ArrayList<>();
    private Jailhouse hv;
    private Control control;
    private SystemConfig system;

    public HypervisorDriver(Machine machine, Consumer<CellFailure> failures) {
        this.machine = machine;
        this.memory = new PhysicalMemory(machine.bus());
        this.console = new ConsoleReader(memory);
        this.failures = failures;
    }

    @Override
    public void enable(byte[] systemConfig) throws DriverException {
        SystemConfig config = ConfigHeaders.system(ENABLE, systemConfig);
        if (hv != null) {
            throw new DriverException(ENABLE, Errno.EBUSY, "the hypervisor is enabled already");
        }
        int online = machine.cpus().size();
        checkCpus(config, online);
        MemoryRegion hvMemory = config.hypervisorMemory();
        HypervisorImage image = new HypervisorImage(hvMemory.physStart(), hvMemory.size(), systemConfig.length);
        if (!image.fits() || hvMemory.size() % PhysicalMemory.PAGE_SIZE != 0
                || hvMemory.physStart() % PhysicalMemory.PAGE_SIZE != 0) {
            throw new DriverException(ENABLE, Errno.EINVAL, String.format("hypervisor memory of 0x%x bytes at 0x%x"
                    + " cannot hold the hypervisor and its configuration", hvMemory.size(), hvMemory.physStart()));
        }
        if (!memory.isRam(hvMemory.physStart(), hvMemory.size())) {
            throw new DriverException(ENABLE, Errno.EINVAL, String.format("hypervisor memory 0x%x-0x%x is not RAM"
                    + " of board %s", hvMemory.physStart(), hvMemory.physLast(), machine.board().name()));
        }
        checkDebugConsole(config.debugConsole());
        int maxCpus = config.rootCell().cpus().cpus().get(config.rootCell().cpus().count() - 1) + 1;
        image.load(memory, systemConfig, maxCpus, online);
        console.attach(image.consolePage());
        HypervisorConsole hvConsole = new HypervisorConsole(memory, image.consolePage(),
                (config.flags() & SystemConfig.VIRTUAL_DEBUG_CONSOLE) != 0,
                DebugUarts.start(memory, config.debugConsole()));
        try {
            hv = Setup.enable(machine, config, image, hvConsole, online, Arm64::new);
        } catch (HypervisorError e) {
            console.detach();
            throw new DriverException(ENABLE, e.errno(), e.reason());
        }
        control = new Control(hv);
        hv.onFailure(failures);
        machine.installHypervisor(hv.arch().trapHandler(control));
        system = config;
        BitSet rootCpus = new BitSet();
        config.rootCell().cpus().cpus().forEach(rootCpus::set);
        cells.add(new DriverCell(0, config.rootCell().name(), rootCpus, config.rootCell().memoryRegions()));
    }

    /** Every CPU Linux has online enters the hypervisor, which expects exactly the root cell's CPUs. */
    private void checkCpus(SystemConfig config, int online) throws DriverException {
        List<Integer> root = config.rootCell().cpus().cpus();
        if (root.isEmpty()) {
            throw new DriverException(ENABLE, Errno.EINVAL, "the root cell has no CPU");
        }
        for (int cpu = 0; cpu < online; cpu++) {
            if (!root.contains(cpu)) {
                throw new DriverException(ENABLE, Errno.EINVAL, "CPU " + cpu + " of board " + machine.board().name()
                        + " is online but not in the root cell's CPU set " + config.rootCell().cpus().toRanges());
            }
        }
        if (root.get(root.size() - 1) >= online) {
            throw new DriverException(ENABLE, Errno.EINVAL, "the root cell's CPU set "
                    + config.rootCell().cpus().toRanges() + " names CPUs board " + machine.board().name()
                    + " does not have (" + online + " CPUs)");
        }
    }

    /** The debug console must be the board's UART at that address, of the configured type. */
    private void checkDebugConsole(Console debug) throws DriverException {
        if (!DebugUarts.hasDriver(debug)) {
            return;
        }
        String type = debug.type() == Console.TYPE_PL011 ? "pl011" : "8250";
        for (BoardDescription.Uart uart : machine.board().uarts()) {
            if (uart.base() == debug.address()) {
                if (!uart.type().equals(type)) {
                    throw new DriverException(ENABLE, Errno.EINVAL, String.format("debug console at 0x%x is a %s"
                            + " UART (%s), the configuration says %s", debug.address(), uart.type(), uart.name(),
                            type));
                }
                return;
            }
        }
        throw new DriverException(ENABLE, Errno.EINVAL, String.format("debug console at 0x%x: board %s has no UART"
                + " there", debug.address(), machine.board().name()));
    }

    @Override
    public void disable() throws DriverException {
        requireEnabled(DISABLE);
        for (DriverCell cell : List.copyOf(cells)) {
            if (cell.id() != 0) {
                destroy(DISABLE, cell);
            }
        }
        hypercall(DISABLE, new BitSet(), control::disable);
        machine.installHypervisor(null);
        console.detach();
        cells.clear();
        hv = null;
        control = null;
        system = null;
    }

    @Override
    public int cellCreate(byte[] cellConfig) throws DriverException {
        if (hv == null) {
            ConfigHeaders.requireCellSignature(CELL_CREATE, cellConfig);
            throw new DriverException(CELL_CREATE, Errno.EINVAL, "the hypervisor is not enabled");
        }
        byte[] bytes = cellConfig.clone();
        dev.jhsim.config.model.Cell cell = driverCopy(bytes);
        if (find(CellRef.byName(cell.name())) != null) {
            throw new DriverException(CELL_CREATE, Errno.EEXIST, "a cell named \"" + cell.name() + "\" exists");
        }
        int id = lowestFreeId();
        BitSet cpus = new BitSet();
        cell.cpus().cpus().forEach(cpus::set);
        BitSet notRoot = (BitSet) cpus.clone();
        notRoot.andNot(cells.get(0).cpus());
        if (!notRoot.isEmpty()) {
            throw new DriverException(CELL_CREATE, Errno.EBUSY, "CPU " + notRoot.nextSetBit(0)
                    + " does not belong to the root cell");
        }
        putInt(bytes, ID_OFFSET, id);
        hypercall(CELL_CREATE, cpus, caller -> control.cellCreate(caller, cell, id, bytes));
        cells.get(0).cpus().andNot(cpus);
        cells.add(new DriverCell(id, cell.name(), cpus, cell.memoryRegions()));
        return id;
    }

    /**
     * The configuration as the driver keeps its copy: CONSOLE_ACTIVE implies
     * CONSOLE_PERMITTED for non-root cells, so the driver sets that flag in
     * {@code bytes} too.
     */
    private dev.jhsim.config.model.Cell driverCopy(byte[] bytes) throws DriverException {
        dev.jhsim.config.model.Cell cell = ConfigHeaders.cell(CELL_CREATE, bytes, system.layout()).cell();
        if (!cell.has(dev.jhsim.config.model.Cell.VIRTUAL_CONSOLE_ACTIVE)) {
            return cell;
        }
        putInt(bytes, FLAGS_OFFSET, (int) (cell.flags() | dev.jhsim.config.model.Cell.VIRTUAL_CONSOLE_PERMITTED));
        return ConfigHeaders.cell(CELL_CREATE, bytes, system.layout()).cell();
    }

    private int lowestFreeId() {
        int id = 0;
        while (find(CellRef.byId(id)) != null) {
            id++;
        }
        return id;
    }

    /** Offsets in {@code struct jailhouse_cell_desc}, the same in every layout. */
    private static final int ID_OFFSET = 40;
    private static final int FLAGS_OFFSET = 44;

    private static void putInt(byte[] bytes, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    @Override
    public void cellLoad(CellRef ref, List<PreloadImage> images) throws DriverException {
        DriverCell cell = managed(CELL_LOAD, ref);
        hypercall(CELL_LOAD, new BitSet(), caller -> control.cellSetLoadable(caller, cell.id()));
        for (PreloadImage image : images) {
            load(cell, image);
        }
    }

    /** {@code load_image}: into the region holding the target address, which must be loadable and writable. */
    private void load(DriverCell cell, PreloadImage image) throws DriverException {
        if (image.size() == 0) {
            return;
        }
        long target = image.targetAddress();
        for (MemoryRegion region : cell.memory()) {
            long offset = target - region.virtStart();
            if (Long.compareUnsigned(target, region.virtStart()) >= 0 && Long.compareUnsigned(offset, region.size()) < 0) {
                if (image.size() > region.size() - offset || (region.flags() & LOADABLE_WRITE) != LOADABLE_WRITE) {
                    throw new DriverException(CELL_LOAD, Errno.EINVAL, String.format("an image of %d bytes at"
                            + " 0x%x does not fit a loadable, writable region of cell \"%s\"", image.size(), target,
                            cell.name()));
                }
                memory.write(region.physStart() + offset, image.data());
                return;
            }
        }
        throw new DriverException(CELL_LOAD, Errno.EINVAL, String.format("cell \"%s\" has no memory at 0x%x",
                cell.name(), target));
    }

    @Override
    public void cellStart(CellRef ref) throws DriverException {
        DriverCell cell = managed(CELL_START, ref);
        hypercall(CELL_START, new BitSet(), caller -> control.cellStart(caller, cell.id()));
    }

    @Override
    public void cellDestroy(CellRef ref) throws DriverException {
        destroy(CELL_DESTROY, managed(CELL_DESTROY, ref));
    }

    private void destroy(String operation, DriverCell cell) throws DriverException {
        hypercall(operation, new BitSet(), caller -> control.cellDestroy(caller, cell.id()));
        cells.get(0).cpus().or(cell.cpus());
        cells.remove(cell);
    }

    /** The enabled system configuration's debug console, if the hypervisor is enabled. */
    public Optional<Console> debugConsole() {
        return enabled() ? Optional.of(system.debugConsole()) : Optional.empty();
    }

    @Override
    public boolean enabled() {
        return hv != null;
    }

    @Override
    public List<CellStatus> cells() {
        List<CellStatus> list = new ArrayList<>();
        for (DriverCell cell : cells.stream().sorted(Comparator.comparingInt(DriverCell::id)).toList()) {
            List<Integer> assigned = new ArrayList<>();
            List<Integer> failed = new ArrayList<>();
            for (int cpu = cell.cpus().nextSetBit(0); cpu >= 0; cpu = cell.cpus().nextSetBit(cpu + 1)) {
                assigned.add(cpu);
                if (hv.cpu(cpu).failed()) {
                    failed.add(cpu);
                }
            }
            list.add(new CellStatus(cell.id(), cell.name(), state(cell), assigned, failed));
        }
        return list;
    }

    /** The sysfs {@code state} file. */
    private String state(DriverCell cell) {
        try {
            return switch (control.cellGetState(hv.cpu(cells.get(0).cpus().nextSetBit(0)), cell.id())) {
                case CommRegion.RUNNING -> "running";
                case CommRegion.RUNNING_LOCKED -> "running/locked";
                case CommRegion.SHUT_DOWN -> "shut down";
                case CommRegion.FAILED -> "failed";
                default -> "failed/comm revision";
            };
        } catch (HypervisorError e) {
            return "invalid";
        }
    }

    @Override
    public Map<String, Long> statistics(CellRef ref, int cpu) throws DriverException {
        DriverCell cell = find(ref);
        if (hv == null || cell == null) {
            throw new DriverException(STATISTICS, Errno.ENOENT, noSuchCell(ref));
        }
        if (cpu >= 0 && !cell.cpus().get(cpu)) {
            throw new DriverException(STATISTICS, Errno.ENOENT, "CPU " + cpu + " is not assigned to cell \""
                    + cell.name() + "\"");
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        for (int stat = 0; stat < CpuStats.COUNT; stat++) {
            long sum = 0;
            for (int c = cell.cpus().nextSetBit(0); c >= 0; c = cell.cpus().nextSetBit(c + 1)) {
                if (cpu < 0 || c == cpu) {
                    sum += hv.cpu(c).stat(stat);
                }
            }
            counters.put(CpuStats.NAMES.get(stat), sum);
        }
        return counters;
    }

    @Override
    public ConsoleRead console(long position) {
        return console.read(position);
    }

    /** The running hypervisor, or null: for tests that look inside. */
    Jailhouse hypervisor() {
        return hv;
    }

    Control control() {
        return control;
    }

    // ---- helpers ----

    private static String noSuchCell(CellRef ref) {
        return ref.hasId() ? "no cell with ID " + ref.id() : "no cell named " + ref.name();
    }

    private void requireEnabled(String operation) throws DriverException {
        if (hv == null) {
            throw new DriverException(operation, Errno.EINVAL, "the hypervisor is not enabled");
        }
    }

    /** {@code cell_management_prologue} of the driver: enabled, and the cell exists. */
    private DriverCell managed(String operation, CellRef ref) throws DriverException {
        requireEnabled(operation);
        DriverCell cell = find(ref);
        if (cell == null) {
            throw new DriverException(operation, Errno.ENOENT, noSuchCell(ref));
        }
        return cell;
    }

    private DriverCell find(CellRef ref) {
        for (DriverCell cell : cells) {
            if (ref.hasId() ? cell.id() == ref.id() : cell.name().equals(ref.name())) {
                return cell;
            }
        }
        return null;
    }

    /**
     * The root-cell CPU the driver runs on: the first one Linux keeps
     * ({@code excluded}: CPUs about to be given away, which Linux takes
     * offline first).
     */
    private PerCpu driverCpu(String operation, BitSet excluded) throws DriverException {
        BitSet candidates = (BitSet) cells.get(0).cpus().clone();
        candidates.andNot(excluded);
        if (candidates.isEmpty()) {
            throw new DriverException(operation, Errno.EBUSY, "the root cell would lose its last CPU, on which"
                    + " Linux runs");
        }
        return hv.cpu(candidates.nextSetBit(0));
    }

    /** A management hypercall: the hypervisor's work for the driver, on the CPU the driver runs on. */
    @FunctionalInterface
    private interface Management {
        void call(PerCpu caller);
    }

    /**
     * Makes a management hypercall from the root-cell CPU the driver runs
     * on ({@code excluded}: CPUs Linux is giving away), counting its exit
     * there; a refusal becomes the ioctl's error.
     */
    private void hypercall(String operation, BitSet excluded, Management management) throws DriverException {
        PerCpu caller = driverCpu(operation, excluded);
        caller.count(CpuStats.VMEXITS_TOTAL);
        caller.count(CpuStats.VMEXITS_HYPERCALL);
        try {
            management.call(caller);
        } catch (HypervisorError e) {
            throw new DriverException(operation, e.errno(), e.reason());
        }
    }
}
