package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.Check;
import java.util.List;

/**
 * The table of checks, in report order: upstream's checks first, in
 * upstream's order and with its section titles, then jhsim's.
 */
public final class Checks {
    private Checks() {
    }

    public static final List<Check> ALL = List.of(
            // upstream's jailhouse-config-check
            new OverlapInsideCell(),
            new HypervisorOverlap(),
            new MmconfigInterception(),
            new IommuInterception(),
            new ArchInterception(),
            // the cells of the set against each other and the root cell
            new CellNames(),
            new RootMemory(),
            new RootIrqs(),
            new RootPci(),
            new RootPio(),
            new CellOverlap(),
            // CPU sets
            new CpuSetEmpty(),
            new CpuZeroTaken(),
            new CpuNotInRoot(),
            new CpuShared(),
            // memory regions one by one
            new RegionSize(),
            new RegionAlignment(),
            new SubpageAccess(),
            new LoadableWrite(),
            new ExecutableIo(),
            new CommRegion(),
            // interrupts
            new IrqchipAddress(),
            new IrqchipRange(),
            new IrqchipShared(),
            // ivshmem
            new IvshmemPeers(),
            new IvshmemLayout(),
            new IvshmemIrq(),
            // consoles
            new ConsoleType(),
            new ConsoleAddress(),
            // --board
            new BoardArchitecture(),
            new BoardCpus(),
            new BoardMemory(),
            new BoardGic(),
            new BoardConsole());
}
