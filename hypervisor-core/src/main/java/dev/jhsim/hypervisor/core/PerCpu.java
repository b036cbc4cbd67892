package dev.jhsim.hypervisor.core;

import dev.jhsim.machine.arm64.el2.GuestState;

/**
 * What the hypervisor keeps per CPU ({@code struct public_per_cpu} and the
 * ARM fields): its cell, statistics, whether it failed, whether it waits for
 * a PSCI CPU_ON and where that starts it, its MPIDR and redistributor, the
 * queue of interrupts waiting for a free list register, and the access
 * being emulated.
 */
public final class PerCpu {
    /** {@code PSCI_INVALID_ADDRESS}: no CPU_ON entry. */
    public static final long INVALID_ADDRESS = -1;

    private final int id;
    private final GuestState guest;
    private final long mpidr;
    private final int[] stats = new int[CpuStats.COUNT];
    private final MmioAccess mmio = new MmioAccess();
    private final PendingIrqs pendingIrqs = new PendingIrqs();
    private Cell cell;
    private boolean failed;
    private boolean waitForPowerOn;
    private long cpuOnEntry = INVALID_ADDRESS;
    private long cpuOnContext;
    private long redistributor;

    public PerCpu(int id, GuestState guest) {
        this.id = id;
        this.guest = guest;
        this.mpidr = guest.cpu().mpidr() & Jailhouse.MPIDR_CPUID_MASK;
    }

    /** The logical CPU number (Linux's, and the board's CPU index). */
    public int id() {
        return id;
    }

    /** EL2's view of this CPU. */
    public GuestState guest() {
        return guest;
    }

    /** The CPU's affinity (Aff3..Aff0 of MPIDR_EL1), as upstream's {@code phys_processor_id}. */
    public long mpidr() {
        return mpidr;
    }

    public Cell cell() {
        return cell;
    }

    public void setCell(Cell cell) {
        this.cell = cell;
    }

    public void count(int stat) {
        stats[stat]++;
    }

    /**
     * A management event delivered to this CPU (suspension for a management
     * call, a CPU_ON): upstream signals it with an SGI, so the CPU counts an
     * exit; jhsim acts on the CPU directly and counts the same exit.
     */
    public void countEvent() {
        stats[CpuStats.VMEXITS_TOTAL]++;
        stats[CpuStats.VMEXITS_MANAGEMENT]++;
    }

    public void count(int stat, int events) {
        stats[stat] += events;
    }

    /** A counter as the hypercall reports it (31 bits). */
    public int stat(int stat) {
        return stats[stat] & 0x7FFF_FFFF;
    }

    public void clearStats() {
        java.util.Arrays.fill(stats, 0);
    }

    public boolean failed() {
        return failed;
    }

    public void setFailed(boolean failed) {
        this.failed = failed;
    }

    /** Parked: off for PSCI until a CPU_ON or a cell start resets it. */
    public boolean waitsForPowerOn() {
        return waitForPowerOn;
    }

    public void setWaitForPowerOn(boolean wait) {
        this.waitForPowerOn = wait;
    }

    public long cpuOnEntry() {
        return cpuOnEntry;
    }

    public long cpuOnContext() {
        return cpuOnContext;
    }

    public void setCpuOn(long entry, long context) {
        this.cpuOnEntry = entry;
        this.cpuOnContext = context;
    }

    public MmioAccess mmio() {
        return mmio;
    }

    public PendingIrqs pendingIrqs() {
        return pendingIrqs;
    }

    /** GICv3: the physical address of this CPU's redistributor. */
    public long redistributor() {
        return redistributor;
    }

    public void setRedistributor(long address) {
        this.redistributor = address;
    }
}
