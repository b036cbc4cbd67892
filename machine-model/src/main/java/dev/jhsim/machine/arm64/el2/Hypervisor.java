package dev.jhsim.machine.arm64.el2;

/**
 * EL2, implemented in Java. The machine model takes every exception the
 * architecture routes to EL2 as hardware does - ESR_EL2, FAR_EL2 and
 * HPFAR_EL2 written where they apply, the guest's PSTATE in SPSR_EL2 and its
 * return address in ELR_EL2, the CPU at EL2 with interrupts masked - and
 * calls {@link #trap}. When the call returns, the CPU performs the exception
 * return to ELR_EL2 with SPSR_EL2, as the handler left them.
 *
 * <p>What is routed here: HVC; SMC while HCR_EL2.TSC; WFI/WFE that would wait
 * while TWI/TWE; system-register accesses HCR_EL2 traps (TVM, TRVM, TACR,
 * TSW, TTLB) and CNTHCTL_EL2 traps; stage-2 instruction and data aborts
 * (also on stage-1 table walks); physical IRQ and FIQ while IMO/FMO.
 */
@FunctionalInterface
public interface Hypervisor {
    void trap(GuestState guest);
}
