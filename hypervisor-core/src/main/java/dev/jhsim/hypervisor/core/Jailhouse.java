package dev.jhsim.hypervisor.core;

import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.config.model.SystemConfig;
import dev.jhsim.hypervisor.pci.PciUnit;
import dev.jhsim.machine.board.Machine;
import dev.jhsim.machine.sim.Simulation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The state of an enabled hypervisor: the system configuration, the page
 * pools, the console, the per-CPU data, the cells (root cell first) and the
 * architecture. {@link Setup} builds it, {@link Control} manages cells on
 * it, the architecture's trap handler runs on it.
 */
public final class Jailhouse {
    /** The hypervisor's virtual window for device mappings (arm64 {@code REMAP_BASE}). */
    public static final long REMAP_BASE = 0x0000_FF80_0000_0000L;
    /** Pages of the remap pool's bitmap ({@code NUM_REMAP_BITMAP_PAGES}). */
    public static final int REMAP_BITMAP_PAGES = 4;
    /** MPIDR affinity fields Aff3, Aff2, Aff1, Aff0: a CPU's physical ID. */
    public static final long MPIDR_CPUID_MASK = 0xFF_00FF_FFFFL;
    /** The version this hypervisor reports: upstream's release, built as jhsim's model. */
    public static final String VERSION = "v0.12 (jhsim)";

    private final Machine machine;
    private final SystemConfig system;
    private final HypervisorImage image;
    private final PhysicalMemory memory;
    private final HypervisorConsole console;
    private final PerCpu[] cpus;
    private final List<Cell> cells = new ArrayList<>();
    private final int onlineCpus;
    private final Arch arch;
    private final PciUnit pci;
    private final List<Unit> units;
    private Consumer<CellFailure> failures = failure -> { };
    private PagePool memPool;
    private PagePool remapPool;
    private Cell root;

    Jailhouse(Machine machine, SystemConfig system, HypervisorImage image, PhysicalMemory memory,
            HypervisorConsole console, int onlineCpus, Function<Jailhouse, Arch> arch) {
        this.machine = machine;
        this.system = system;
        this.image = image;
        this.memory = memory;
        this.console = console;
        this.onlineCpus = onlineCpus;
        this.cpus = new PerCpu[machine.cpus().size()];
        this.arch = arch.apply(this);
        this.pci = new PciUnit(this);
        List<Unit> all = new ArrayList<>(this.arch.units());
        all.add(pci);
        this.units = List.copyOf(all);
    }

    public Machine machine() {
        return machine;
    }

    public Simulation simulation() {
        return machine.simulation();
    }

    public SystemConfig system() {
        return system;
    }

    public HypervisorImage image() {
        return image;
    }

    public PhysicalMemory memory() {
        return memory;
    }

    public HypervisorConsole console() {
        return console;
    }

    public Arch arch() {
        return arch;
    }

    /** The units in initialisation order: the architecture's, then PCI. */
    public List<Unit> units() {
        return units;
    }

    public PciUnit pci() {
        return pci;
    }

    public PagePool memPool() {
        return memPool;
    }

    public PagePool remapPool() {
        return remapPool;
    }

    /** The page pools, set up by {@code paging_init}. */
    void setPools(PagePool mem, PagePool remap) {
        this.memPool = mem;
        this.remapPool = remap;
    }

    /** Linux's online CPUs, each of which enters the hypervisor. */
    public int onlineCpus() {
        return onlineCpus;
    }

    /** Whether a CPU belongs to the system (the root cell's configured set: {@code cpu_id_valid}). */
    public boolean cpuValid(long cpu) {
        return cpu >= 0 && cpu < cpus.length && system.rootCell().cpus().contains((int) cpu);
    }

    /** The per-CPU data of a CPU the system has. */
    public PerCpu cpu(int id) {
        return cpus[id];
    }

    /** The system's CPUs, ascending. */
    public List<PerCpu> systemCpus() {
        List<PerCpu> list = new ArrayList<>();
        for (PerCpu c : cpus) {
            if (c != null) {
                list.add(c);
            }
        }
        return list;
    }

    void addCpu(PerCpu cpu) {
        cpus[cpu.id()] = cpu;
    }

    public Cell root() {
        return root;
    }

    void setRoot(Cell root) {
        this.root = root;
        cells.add(root);
    }

    /** Every cell, root cell first, then in creation order. */
    public List<Cell> cells() {
        return Collections.unmodifiableList(cells);
    }

    void addCell(Cell cell) {
        cells.add(cell);
    }

    void removeCell(Cell cell) {
        cells.remove(cell);
    }

    public Cell cellById(long id) {
        for (Cell c : cells) {
            if (c.id() == id) {
                return c;
            }
        }
        return null;
    }

    /** The CPU of {@code cell} whose MPIDR affinity is {@code mpidr}, or null ({@code arm_cpu_by_mpidr}). */
    public PerCpu cpuByMpidr(Cell cell, long mpidr) {
        for (int c = cell.cpus().nextSetBit(0); c >= 0; c = cell.cpus().nextSetBit(c + 1)) {
            if ((cpus[c].mpidr() & MPIDR_CPUID_MASK) == (mpidr & MPIDR_CPUID_MASK)) {
                return cpus[c];
            }
        }
        return null;
    }

    /** Where failed CPUs are reported. */
    public void onFailure(Consumer<CellFailure> listener) {
        this.failures = listener;
    }

    public void reportFailure(CellFailure failure) {
        failures.accept(failure);
    }

    /** {@code paging_dump_stats}. */
    public void dumpPoolUsage(String when) {
        console.printf("Page pool usage %s: mem %d/%d, remap %d/%d\n", when, memPool.usedPages(),
                memPool.pages(), remapPool.usedPages(), remapPool.pages());
    }

    /** Maps a memory region into a cell: page-sized regions by stage 2, sub-page ones by MMIO emulation. */
    public void mapRegion(Cell cell, MemoryRegion region) {
        if (SubpageRegion.isSubpage(region)) {
            cell.mmio().register(region.virtStart(), region.size(), new SubpageRegion(this, region));
        } else {
            arch.mapMemoryRegion(cell, region);
        }
    }

    public void unmapRegion(Cell cell, MemoryRegion region) {
        if (SubpageRegion.isSubpage(region)) {
            cell.mmio().unregister(region.virtStart());
        } else {
            arch.unmapMemoryRegion(cell, region);
        }
    }

    /** The memory pool's pages for {@code bytes}. */
    public static int pages(long bytes) {
        return (int) ((bytes + PhysicalMemory.PAGE_SIZE - 1) / PhysicalMemory.PAGE_SIZE);
    }
}
