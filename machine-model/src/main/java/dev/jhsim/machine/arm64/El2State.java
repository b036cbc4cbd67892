package dev.jhsim.machine.arm64;

/**
 * The EL2 registers of one CPU other than HCR_EL2 ({@link Arm64Cpu#hcrEl2}):
 * what the exception model records when it takes an exception to EL2 and what
 * a Java hypervisor programs. Writes that change translation or timers go
 * through the system-register table.
 */
public final class El2State {
    public long vttbr;
    public long vtcr;
    /** What MIDR_EL1 and MPIDR_EL1 read at EL1; reset to the real values. */
    public long vpidr;
    public long vmpidr;
    public long esr;
    public long far;
    public long hpfar;
    public long elr;
    public long spsr;
    /** CNTHCTL_EL2: EL1PCTEN and EL1PCEN set, as firmware leaves it for a kernel entered at EL1. */
    public long cnthctl = 3;
    public long cntvoff;

    /** The VMID tagging EL1&0 translations (VTTBR_EL2 bits 55:48; 8-bit VMIDs). */
    public int vmid() {
        return (int) (vttbr >>> 48) & 0xFF;
    }
}
