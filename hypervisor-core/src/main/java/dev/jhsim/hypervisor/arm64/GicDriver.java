package dev.jhsim.hypervisor.arm64;

import dev.jhsim.hypervisor.core.Cell;
import dev.jhsim.hypervisor.core.MmioAccess;
import dev.jhsim.hypervisor.core.MmioHandler;
import dev.jhsim.hypervisor.core.PerCpu;

/**
 * What differs between GIC versions ({@code struct irqchip}): probing the
 * distributor and the CPU interfaces, list registers, SGIs, interrupt
 * routing and the version-specific distributor registers. {@link Irqchip}
 * does the rest.
 */
interface GicDriver {
    /** Errno {@code -EBUSY} of {@link #inject}: no free list register. */
    int BUSY = -16;
    /** Errno {@code -EEXIST} of {@link #inject}: already in a list register. */
    int EXISTS = -17;

    /** The distributor's size, mapped by the hypervisor. */
    long distributorSize();

    /** Checks the hardware is this GIC and maps what the driver needs. */
    void init();

    /** Takes over a CPU's interface: EOImode 1, the hypervisor interface on, the cell's settings virtual. */
    void cpuInit(PerCpu cpu);

    /** Clears a CPU's list registers and PPIs for a new start. */
    void cpuReset(PerCpu cpu);

    /** Gives the CPU interface back as Linux had it; false if its setup had not got that far. */
    boolean cpuShutdown(PerCpu cpu);

    /** What a cell needs besides the emulated distributor (GICv3: redistributors; GICv2: GICV). */
    void cellInit(Cell cell);

    /** Undoes {@link #cellInit} where that left more than MMIO handlers. */
    void cellExit(Cell cell);

    /** Routes a shared interrupt of {@code cell} to one of its CPUs if it points elsewhere. */
    void adjustTarget(Cell cell, int irq);

    /** Sends physical SGI {@code sgi} from {@code sender} to {@code target}. */
    void sendSgi(PerCpu sender, PerCpu target, int sgi);

    /** Puts {@code irq} into a free list register of {@code cpu}: 0, {@link #BUSY} or {@link #EXISTS}. */
    int inject(PerCpu cpu, int irq, int sender);

    /** The maintenance interrupt when list registers run low (to refill them). */
    void enableMaintenance(PerCpu cpu, boolean enable);

    /** A pending interrupt taken out of the list registers, or -1 ({@code get_pending_irq}). */
    int takePendingVirtual(PerCpu cpu);

    /** Makes an interrupt pending physically again ({@code inject_phys_irq}). */
    void injectPhysical(PerCpu cpu, int irq);

    /** Acknowledges the highest pending interrupt (1023: none). */
    int acknowledge(PerCpu cpu);

    /** Drops the priority of {@code irq}, deactivating it too if the hypervisor handled it. */
    void endOfInterrupt(PerCpu cpu, int irq, boolean deactivate);

    /** A cell's access to an interrupt's routing register (GICv3 IROUTER). */
    MmioHandler.Result routeAccess(PerCpu cpu, MmioAccess access, int irq);

    /** A cell's access to an interrupt's target register (GICv2 ITARGETSR). */
    MmioHandler.Result targetAccess(PerCpu cpu, MmioAccess access, int irq);

    /** A cell's access to any other distributor register. */
    MmioHandler.Result otherDistributorAccess(PerCpu cpu, MmioAccess access);

    /** A CPU's bit in SGI target lists. */
    int cpuTarget(PerCpu cpu);

    /** A CPU's cluster for SGI target lists (GICv3: Aff3.Aff2.Aff1). */
    long clusterTarget(PerCpu cpu);
}
