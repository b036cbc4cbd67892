package dev.jhsim.hypervisor.core;

import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.hypervisor.driver.Errno;
import java.util.List;

/**
 * Cell management and the generic hypercalls ({@code control.c}): create,
 * start, set loadable, destroy, cell state, hypervisor and CPU information,
 * the debug console, disabling, and parking a CPU that failed. Refusals
 * throw {@link HypervisorError} with upstream's errno; {@link #hypercall}
 * turns them into the negative codes a guest sees.
 *
 * <p>Upstream suspends the CPUs a management call affects while it runs;
 * here the call runs between simulation slices, so no CPU executes meanwhile
 * and suspension is implicit, except where a call waits for a cell's reply
 * and lets the simulation run ({@link Messages}).
 */
public final class Control {
    private static final int MAX_CONFIG_PAGES = 16;

    private final Jailhouse hv;
    private final Messages messages;

    public Control(Jailhouse hv) {
        this.hv = hv;
        this.messages = new Messages(hv);
    }

    /** A hypercall from a guest CPU; the result goes to its X0. */
    public long hypercall(PerCpu caller, long code, long arg1, long arg2) {
        caller.count(CpuStats.VMEXITS_HYPERCALL);
        if (code < Hypercall.DISABLE || code > Hypercall.DEBUG_CONSOLE_PUTC) {
            return -Errno.ENOSYS.number();
        }
        try {
            return switch ((int) code) {
                case Hypercall.DISABLE, Hypercall.CELL_CREATE, Hypercall.CELL_START, Hypercall.CELL_SET_LOADABLE,
                        Hypercall.CELL_DESTROY, Hypercall.CELL_GET_STATE -> managementFromGuest(caller);
                case Hypercall.HYPERVISOR_GET_INFO -> hypervisorGetInfo(arg1);
                case Hypercall.CPU_GET_INFO -> cpuGetInfo(caller, arg1, arg2);
                default -> debugConsolePutc(caller, arg1);
            };
        } catch (HypervisorError e) {
            return -e.errno().number();
        }
    }

    /**
     * Management hypercalls from guest code: only the root cell may make
     * them, and jhsim's root cell runs no code (its Linux is the driver,
     * which calls the methods below), so every such call is refused.
     */
    private long managementFromGuest(PerCpu caller) {
        requireRoot(caller);
        throw new IllegalStateException("CPU " + caller.id() + " of the root cell executed a hypercall");
    }

    private void requireRoot(PerCpu caller) {
        if (caller.cell() != hv.root()) {
            throw HypervisorError.of(Errno.EPERM, "only the root cell may manage cells");
        }
    }

    // ---- cell creation ----

    /**
     * {@code JAILHOUSE_HC_CELL_CREATE}: {@code config} and the ID the
     * driver gave it, {@code configBytes} its binary form with that ID
     * (copied into hypervisor memory, as upstream copies it).
     */
    public Cell cellCreate(PerCpu caller, dev.jhsim.config.model.Cell config, int id, byte[] configBytes) {
        requireRoot(caller);
        suspend(hv.root(), caller);
        try {
            Cell cell = createCell(caller, config, id, configBytes);
            hv.console().printf("Created cell \"%s\"\n", cell.name());
            hv.dumpPoolUsage("after cell creation");
            return cell;
        } catch (HypervisorError e) {
            hv.console().printf("Cannot create cell \"%s\": %s\n", config.name(), e.reason());
            throw e;
        }
    }

    private Cell createCell(PerCpu caller, dev.jhsim.config.model.Cell config, int id, byte[] configBytes) {
        Cell locked = lockedCell(null);
        if (locked != null) {
            throw HypervisorError.of(Errno.EPERM, "cell \"%s\" is locked (running/locked)", locked.name());
        }
        for (Cell c : hv.cells()) {
            if (c.name().equals(config.name()) || c.id() == id) {
                throw HypervisorError.of(Errno.EEXIST, "cell \"%s\" (ID %d) exists", c.name(), c.id());
            }
        }
        if (Jailhouse.pages(configBytes.length) > MAX_CONFIG_PAGES) {
            throw HypervisorError.of(Errno.E2BIG, "the configuration has %d bytes, at most %d pages can be mapped",
                    configBytes.length, MAX_CONFIG_PAGES);
        }
        CellChecks.check(hv, config);
        int dataPages = 1 + Jailhouse.pages(configBytes.length);
        long data = hv.memPool().alloc(dataPages);
        hv.memory().write(data + PhysicalMemory.PAGE_SIZE, configBytes);
        Cell cell = new Cell(config, id, hv.memory(), data, dataPages);
        try {
            initCell(caller, cell);
        } catch (HypervisorError e) {
            hv.memPool().free(data, dataPages);
            throw e;
        }
        return cell;
    }

    private void initCell(PerCpu caller, Cell cell) {
        if (cell.config().cpus().sizeBytes() > PhysicalMemory.PAGE_SIZE) {
            throw HypervisorError.of(Errno.EINVAL, "the CPU set has %d bytes, at most %d fit a page",
                    cell.config().cpus().sizeBytes(), PhysicalMemory.PAGE_SIZE);
        }
        if (cell.ownsCpu(caller.id())) {
            throw HypervisorError.of(Errno.EBUSY, "CPU %d makes this call and cannot be given away", caller.id());
        }
        for (int cpu = cell.firstCpu(); cpu >= 0; cpu = cell.cpus().nextSetBit(cpu + 1)) {
            if (!hv.cpuValid(cpu) || !hv.root().ownsCpu(cpu)) {
                throw HypervisorError.of(Errno.EBUSY, "CPU %d does not belong to the root cell", cpu);
            }
        }
        hv.arch().cellCreate(cell);
        List<Unit> units = hv.units();
        int initialised = 0;
        try {
            for (Unit unit : units) {
                unit.cellInit(cell);
                initialised++;
            }
        } catch (HypervisorError e) {
            for (int n = initialised - 1; n >= 0; n--) {
                units.get(n).cellExit(cell);
            }
            hv.arch().cellDestroy(cell);
            throw e;
        }
        for (int cpu = cell.firstCpu(); cpu >= 0; cpu = cell.cpus().nextSetBit(cpu + 1)) {
            PerCpu c = hv.cpu(cpu);
            hv.root().cpus().clear(cpu);
            c.setCell(cell);
            c.clearStats();
            hv.arch().parkCpu(c);
        }
        try {
            for (MemoryRegion region : cell.memoryRegions()) {
                if (!sharedWithRoot(region)) {
                    unmapFromRoot(region);
                }
                hv.mapRegion(cell, region);
            }
        } catch (HypervisorError e) {
            destroyCell(cell);
            throw e;
        }
        configCommit(hv, cell);
        cell.comm().setCellState(CommRegion.SHUT_DOWN);
        hv.addCell(cell);
        messages.reconfigCompleted();
    }

    /** Regions not taken from the root cell: the communication region and those the root cell keeps. */
    private static boolean sharedWithRoot(MemoryRegion region) {
        return (region.flags() & (MemoryRegion.COMM_REGION | MemoryRegion.ROOTSHARED)) != 0;
    }

    // ---- the other management calls ----

    private enum Task { START, SET_LOADABLE, DESTROY }

    /** {@code cell_management_prologue}: the cell, once it agreed to be shut down. */
    private Cell managedCell(PerCpu caller, Task task, long id) {
        requireRoot(caller);
        suspend(hv.root(), caller);
        Cell cell = hv.cellById(id);
        if (cell == null) {
            throw HypervisorError.of(Errno.ENOENT, "no cell with ID %d", id);
        }
        if (cell == hv.root()) {
            throw HypervisorError.of(Errno.EINVAL, "the root cell cannot be managed");
        }
        if (task == Task.DESTROY) {
            Cell locked = lockedCell(cell);
            if (locked != null) {
                throw HypervisorError.of(Errno.EPERM, "cell \"%s\" is locked (running/locked)", locked.name());
            }
        }
        if (!messages.shutdownOk(cell)) {
            throw HypervisorError.of(Errno.EPERM, "cell \"%s\" denied the shutdown request", cell.name());
        }
        suspend(cell, caller);
        return cell;
    }

    /**
     * {@code cell_suspend}: the cell's CPUs other than the caller stop for
     * the management call; here they are not running anyway (see above),
     * but each receives the event upstream sends and counts it.
     */
    private void suspend(Cell cell, PerCpu caller) {
        for (int cpu = cell.firstCpu(); cpu >= 0; cpu = cell.cpus().nextSetBit(cpu + 1)) {
            if (cpu != caller.id()) {
                hv.cpu(cpu).countEvent();
            }
        }
    }

    public void cellStart(PerCpu caller, long id) {
        Cell cell = managedCell(caller, Task.START, id);
        if (cell.loadable()) {
            for (MemoryRegion region : cell.memoryRegions()) {
                if (region.has(MemoryRegion.LOADABLE)) {
                    unmapFromRoot(region);
                }
            }
            configCommit(hv, null);
            cell.setLoadable(false);
        }
        dev.jhsim.config.model.Cell config = cell.config();
        int flags = 0;
        if (config.has(dev.jhsim.config.model.Cell.VIRTUAL_CONSOLE_PERMITTED)) {
            flags |= CommRegion.FLAG_DBG_PUTC_PERMITTED;
        }
        if (config.has(dev.jhsim.config.model.Cell.VIRTUAL_CONSOLE_ACTIVE)) {
            flags |= CommRegion.FLAG_DBG_PUTC_ACTIVE;
        }
        cell.comm().initialise(flags, config.console(), hv.system().platform().pciMmconfigBase(),
                hv.arch().gicInfo(), config.vpciIrqBase());
        hv.pci().resetDevices(cell);
        hv.arch().cellReset(cell);
        for (int cpu = cell.firstCpu(); cpu >= 0; cpu = cell.cpus().nextSetBit(cpu + 1)) {
            hv.cpu(cpu).setFailed(false);
            hv.arch().resetCpu(hv.cpu(cpu));
        }
        hv.console().printf("Started cell \"%s\"\n", cell.name());
    }

    public void cellSetLoadable(PerCpu caller, long id) {
        Cell cell = managedCell(caller, Task.SET_LOADABLE, id);
        for (int cpu = cell.firstCpu(); cpu >= 0; cpu = cell.cpus().nextSetBit(cpu + 1)) {
            hv.cpu(cpu).setFailed(false);
            hv.arch().parkCpu(hv.cpu(cpu));
        }
        if (cell.loadable()) {
            return;
        }
        cell.comm().setCellState(CommRegion.SHUT_DOWN);
        cell.setLoadable(true);
        hv.pci().resetDevices(cell);
        for (MemoryRegion region : cell.memoryRegions()) {
            if (region.has(MemoryRegion.LOADABLE)) {
                remapToRoot(region, true);
            }
        }
        configCommit(hv, null);
        hv.console().printf("Cell \"%s\" can be loaded\n", cell.name());
    }

    public void cellDestroy(PerCpu caller, long id) {
        Cell cell = managedCell(caller, Task.DESTROY, id);
        hv.console().printf("Closing cell \"%s\"\n", cell.name());
        destroyCell(cell);
        hv.removeCell(cell);
        hv.memPool().free(cell.dataPages(), cell.dataPageCount());
        hv.dumpPoolUsage("after cell destruction");
        messages.reconfigCompleted();
    }

    /** {@code cell_destroy_internal}: CPUs and memory back to the root cell, units and architecture released. */
    private void destroyCell(Cell cell) {
        cell.comm().setCellState(CommRegion.SHUT_DOWN);
        for (int cpu = cell.firstCpu(); cpu >= 0; cpu = cell.cpus().nextSetBit(cpu + 1)) {
            PerCpu c = hv.cpu(cpu);
            hv.root().cpus().set(cpu);
            c.setCell(hv.root());
            c.setFailed(false);
            c.clearStats();
            hv.arch().parkCpu(c);
        }
        for (MemoryRegion region : cell.memoryRegions()) {
            if (!SubpageRegion.isSubpage(region)) {
                hv.arch().unmapMemoryRegion(cell, region);
            }
            if (!sharedWithRoot(region)) {
                remapToRoot(region, false);
            }
        }
        List<Unit> units = hv.units();
        for (int n = units.size() - 1; n >= 0; n--) {
            units.get(n).cellExit(cell);
        }
        hv.arch().cellDestroy(cell);
        configCommit(hv, cell);
    }

    public int cellGetState(PerCpu caller, long id) {
        requireRoot(caller);
        Cell cell = hv.cellById(id);
        if (cell == null) {
            throw HypervisorError.of(Errno.ENOENT, "no cell with ID %d", id);
        }
        int state = cell.comm().cellState();
        if (state < CommRegion.RUNNING || state > CommRegion.FAILED_COMM_REV) {
            throw HypervisorError.of(Errno.EINVAL, "cell \"%s\" reports the invalid state %d", cell.name(), state);
        }
        return state;
    }

    // ---- information ----

    public long hypervisorGetInfo(long type) {
        PagePool mem = hv.memPool();
        PagePool remap = hv.remapPool();
        if (type == Hypercall.INFO_MEM_POOL_SIZE) {
            return mem.pages();
        } else if (type == Hypercall.INFO_MEM_POOL_USED) {
            return mem.usedPages();
        } else if (type == Hypercall.INFO_REMAP_POOL_SIZE) {
            return remap.pages();
        } else if (type == Hypercall.INFO_REMAP_POOL_USED) {
            return remap.usedPages();
        } else if (type == Hypercall.INFO_NUM_CELLS) {
            return hv.cells().size();
        }
        throw HypervisorError.of(Errno.EINVAL, "unknown information type %d", type);
    }

    public long cpuGetInfo(PerCpu caller, long cpu, long type) {
        if (!hv.cpuValid(cpu)) {
            throw HypervisorError.of(Errno.EINVAL, "no CPU %d", cpu);
        }
        if (caller.cell() != hv.root() && !caller.cell().ownsCpu((int) cpu)) {
            throw HypervisorError.of(Errno.EPERM, "CPU %d belongs to another cell", cpu);
        }
        PerCpu target = hv.cpu((int) cpu);
        if (type == Hypercall.CPU_INFO_STATE) {
            return target.failed() ? Hypercall.CPU_FAILED : Hypercall.CPU_RUNNING;
        }
        long stat = type - Hypercall.CPU_INFO_STAT_BASE;
        if (type >= Hypercall.CPU_INFO_STAT_BASE && stat < CpuStats.COUNT) {
            return target.stat((int) stat);
        }
        throw HypervisorError.of(Errno.EINVAL, "unknown CPU information type %d", type);
    }

    private long debugConsolePutc(PerCpu caller, long character) {
        if (!caller.cell().config().has(dev.jhsim.config.model.Cell.VIRTUAL_CONSOLE_PERMITTED)) {
            throw HypervisorError.of(Errno.EPERM, "cell \"%s\" may not use the debug console", caller.cell().name());
        }
        hv.console().print(String.valueOf((char) (character & 0xFF)));
        return 0;
    }

    // ---- shutdown ----

    /**
     * {@code JAILHOUSE_HC_DISABLE} as every root-cell CPU makes it: refused
     * while other cells exist; otherwise the units shut down and each CPU is
     * released.
     */
    public void disable(PerCpu caller) {
        requireRoot(caller);
        if (hv.cells().size() != 1) {
            throw HypervisorError.of(Errno.EBUSY, "%d cells besides the root cell exist", hv.cells().size() - 1);
        }
        hv.console().print("Shutting down hypervisor\n");
        List<Unit> units = hv.units();
        for (int n = units.size() - 1; n >= 0; n--) {
            units.get(n).shutdown();
        }
        for (PerCpu cpu : hv.systemCpus()) {
            hv.console().printf(" Releasing CPU %d\n", cpu.id());
            hv.arch().shutdownCpu(cpu);
        }
    }

    // ---- failures ----

    /**
     * {@code panic_park}: a CPU that violated its cell's configuration stops;
     * once all its cell's CPUs failed, the cell is failed.
     */
    public void panicPark(PerCpu cpu) {
        Cell cell = cpu.cell();
        hv.console().printf("Parking CPU %d (Cell: \"%s\")\n", cpu.id(), cell.name());
        cpu.setFailed(true);
        boolean allFailed = true;
        for (int c = cell.firstCpu(); c >= 0; c = cell.cpus().nextSetBit(c + 1)) {
            allFailed &= hv.cpu(c).failed();
        }
        if (allFailed) {
            cell.comm().setCellState(CommRegion.FAILED);
        }
        hv.arch().parkCpu(cpu);
    }

    // ---- memory moving between the root cell and others ----

    private Cell lockedCell(Cell excluded) {
        for (Cell c : hv.cells()) {
            if (c != hv.root() && c != excluded && c.comm().cellState() == CommRegion.RUNNING_LOCKED) {
                return c;
            }
        }
        return null;
    }

    /** Takes a region away from the root cell, which maps memory 1:1. */
    private void unmapFromRoot(MemoryRegion region) {
        hv.unmapRegion(hv.root(), new MemoryRegion(region.physStart(), region.physStart(), region.size(),
                region.flags()));
    }

    /** Gives the root cell back what its configuration has of a region's physical range. */
    private void remapToRoot(MemoryRegion region, boolean abortOnError) {
        for (MemoryRegion rootRegion : hv.root().memoryRegions()) {
            long start = Math.max(region.physStart(), rootRegion.physStart());
            long end = Math.min(region.physStart() + region.size(), rootRegion.physStart() + rootRegion.size());
            if (start >= end) {
                continue;
            }
            MemoryRegion overlap = new MemoryRegion(start, rootRegion.virtStart() + start - rootRegion.physStart(),
                    end - start, rootRegion.flags());
            try {
                hv.mapRegion(hv.root(), overlap);
            } catch (HypervisorError e) {
                if (abortOnError) {
                    throw e;
                }
                hv.console().print("WARNING: Failed to re-assign memory region to root cell\n");
            }
        }
    }

    /** {@code config_commit}: stale translations dropped, interrupts re-routed. */
    static void configCommit(Jailhouse hv, Cell cellAddedRemoved) {
        hv.arch().flushCellVcpuCaches(hv.root());
        if (cellAddedRemoved != null && cellAddedRemoved != hv.root()) {
            hv.arch().flushCellVcpuCaches(cellAddedRemoved);
        }
        hv.arch().configCommit(cellAddedRemoved);
    }
}
