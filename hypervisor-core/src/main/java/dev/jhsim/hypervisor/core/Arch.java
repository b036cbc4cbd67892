package dev.jhsim.hypervisor.core;

import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.machine.arm64.el2.Hypervisor;
import java.util.List;

/**
 * What the architecture provides to the generic hypervisor (upstream's
 * {@code arch_*} functions): CPU setup and shutdown, stage-2 mappings,
 * parking and resetting CPUs, per-cell state, and its units.
 */
public interface Arch {
    /** Early setup, before any CPU: the root cell's translation tables. */
    void initEarly();

    /** Takes over one CPU: EL2 configuration, its interrupt controller interface. */
    void cpuInit(PerCpu cpu);

    /** The architecture's units, in initialisation order (the generic PCI unit follows them). */
    List<Unit> units();

    /** Makes a shared interrupt pending, as a device would ({@code irqchip_trigger_external_irq}). */
    void triggerInterrupt(int irq);

    void mapMemoryRegion(Cell cell, MemoryRegion region);

    void unmapMemoryRegion(Cell cell, MemoryRegion region);

    /** A new cell's architecture state (its translation tables); may refuse the cell. */
    void cellCreate(Cell cell);

    /** Before a cell starts: platform data in its communication region, entry points, interrupts masked. */
    void cellReset(Cell cell);

    void cellDestroy(Cell cell);

    /** Drops stale translations of the cell's CPUs after its mappings changed. */
    void flushCellVcpuCaches(Cell cell);

    /** Applies a configuration change: interrupt routing after a cell came or went ({@code null}: none). */
    void configCommit(Cell cellAddedRemoved);

    /** Parks a CPU: it stops executing and waits to be reset or turned on. */
    void parkCpu(PerCpu cpu);

    /** Starts a CPU at its CPU_ON entry, or parks it if it has none. */
    void resetCpu(PerCpu cpu);

    /** Hands a CPU back to Linux: interrupt controller restored, EL2 traps off. */
    void shutdownCpu(PerCpu cpu);

    /** Platform data for communication regions. */
    CommRegion.GicInfo gicInfo();

    /** What the CPUs' exceptions to EL2 go to, once the hypervisor runs. */
    Hypervisor trapHandler(Control control);
}
