package dev.jhsim.hypervisor.core;

import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.config.model.SystemConfig;
import dev.jhsim.hypervisor.driver.Errno;
import dev.jhsim.machine.board.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Enabling the hypervisor ({@code setup.c}): early setup on the first CPU
 * (console, page pools, root cell, the root cell's view of the hypervisor
 * memory), then each CPU taken over in turn, then the units and the root
 * cell's memory, printing upstream's messages with this model's numbers.
 * jhsim's CPUs enter one after another in ascending order, the first being
 * the one that prints the banner.
 */
public final class Setup {
    private Setup() {
    }

    /**
     * Starts the hypervisor on {@code machine}, whose hypervisor memory the
     * driver has loaded ({@link HypervisorImage#load}); {@code onlineCpus}:
     * Linux's CPUs, all of which must belong to the root cell. On failure,
     * everything done so far is undone and the error thrown.
     */
    public static Jailhouse enable(Machine machine, SystemConfig system, HypervisorImage image,
            HypervisorConsole console, int onlineCpus, Function<Jailhouse, Arch> arch) {
        PhysicalMemory memory = new PhysicalMemory(machine.bus());
        Jailhouse hv = new Jailhouse(machine, system, image, memory, console, onlineCpus, arch);
        List<PerCpu> entered = new ArrayList<>();
        List<Unit> started = new ArrayList<>();
        try {
            initEarly(hv, machine);
            for (int id = 0; id < onlineCpus; id++) {
                PerCpu cpu = new PerCpu(id, machine.guest(id));
                console.printf(" CPU %d... ", id);
                if (!hv.cpuValid(id)) {
                    console.print("FAILED\n");
                    throw HypervisorError.of(Errno.EINVAL, "CPU %d is not in the root cell's CPU set", id);
                }
                cpu.setCell(hv.root());
                hv.addCpu(cpu);
                entered.add(cpu);
                try {
                    hv.arch().cpuInit(cpu);
                } catch (HypervisorError e) {
                    console.print("FAILED\n");
                    throw e;
                }
                console.print("OK\n");
            }
            initLate(hv, started);
            console.print("Activating hypervisor\n");
            return hv;
        } catch (HypervisorError e) {
            for (int n = started.size() - 1; n >= 0; n--) {
                started.get(n).shutdown();
            }
            // arch_cpu_restore: every CPU that entered returns to Linux as it came.
            entered.forEach(hv.arch()::shutdownCpu);
            throw e;
        }
    }

    private static void initEarly(Jailhouse hv, Machine machine) {
        HypervisorConsole console = hv.console();
        SystemConfig system = hv.system();
        HypervisorImage image = hv.image();
        // The CPUs enter in ascending order: CPU 0 is the first and does the early setup.
        console.printf("\nInitializing Jailhouse hypervisor %s on CPU 0\n", Jailhouse.VERSION);
        console.printf("Code location: 0x%016x\n", image.codeLocation());
        initPaging(hv);
        dev.jhsim.config.model.Cell rootConfig = system.rootCell();
        if (rootConfig.cpus().sizeBytes() > PhysicalMemory.PAGE_SIZE) {
            throw HypervisorError.of(Errno.EINVAL, "the root cell's CPU set has %d bytes, at most %d fit a page",
                    rootConfig.cpus().sizeBytes(), PhysicalMemory.PAGE_SIZE);
        }
        hv.setRoot(new Cell(rootConfig, 0, hv.memory(), image.rootCellPage(), 0));
        hv.arch().initEarly();
        mapHypervisorMemoryForRoot(hv);
        hv.dumpPoolUsage("after early setup");
        console.print("Initializing processors:\n");
    }

    /** {@code paging_init}: the memory pool after the core, its bitmap, and the remap pool. */
    private static void initPaging(Jailhouse hv) {
        HypervisorImage image = hv.image();
        long reserved = image.configPages() + image.bitmapPages();
        if (image.poolPages() <= reserved) {
            throw HypervisorError.of(Errno.ENOMEM, "hypervisor memory of %d pages leaves no page pool",
                    image.size() / PhysicalMemory.PAGE_SIZE);
        }
        PagePool mem = new PagePool(hv.memory(), image.poolStart(), image.poolPages(), image.bitmap(), true);
        mem.reserveFirst(reserved);
        long remapBitmap = mem.alloc(Jailhouse.REMAP_BITMAP_PAGES);
        PagePool remap = new PagePool(hv.memory(), Jailhouse.REMAP_BASE,
                Jailhouse.REMAP_BITMAP_PAGES * PhysicalMemory.PAGE_SIZE * 8L, remapBitmap, false);
        hv.setPools(mem, remap);
    }

    /**
     * Linux may still touch the hypervisor memory's pages before it is
     * disabled, so the root cell sees each of them as the read-only empty
     * page, except the console page, which it may read with a virtual
     * debug console.
     */
    private static void mapHypervisorMemoryForRoot(Jailhouse hv) {
        HypervisorImage image = hv.image();
        boolean virtualConsole = (hv.system().flags() & SystemConfig.VIRTUAL_DEBUG_CONSOLE) != 0;
        for (long page = image.start(); page < image.start() + image.size(); page += PhysicalMemory.PAGE_SIZE) {
            long phys = virtualConsole && page == image.consolePage() ? page : image.emptyPage();
            hv.arch().mapMemoryRegion(hv.root(),
                    new MemoryRegion(phys, page, PhysicalMemory.PAGE_SIZE, MemoryRegion.READ));
        }
    }

    private static void initLate(Jailhouse hv, List<Unit> started) {
        int expected = hv.system().rootCell().cpus().count();
        if (hv.onlineCpus() != expected) {
            throw HypervisorError.of(Errno.EINVAL, "%d CPUs entered the hypervisor, the root cell has %d",
                    hv.onlineCpus(), expected);
        }
        for (Unit unit : hv.units()) {
            hv.console().printf("Initializing unit: %s\n", unit.name());
            unit.init();
            started.add(unit);
        }
        for (MemoryRegion region : hv.root().memoryRegions()) {
            hv.mapRegion(hv.root(), region);
        }
        Control.configCommit(hv, hv.root());
        hv.dumpPoolUsage("after late setup");
    }
}
