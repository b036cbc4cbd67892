package dev.jhsim.machine.arm64.el2;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.El1State;
import dev.jhsim.machine.arm64.El2State;
import dev.jhsim.machine.arm64.Hcr;
import dev.jhsim.machine.arm64.Syndrome;
import dev.jhsim.machine.arm64.sysreg.SystemRegister;

/**
 * One CPU as a Java hypervisor sees it from EL2: the trap being handled
 * (ESR_EL2, FAR_EL2, HPFAR_EL2), the guest's registers, its PC and PSTATE as
 * they will be restored on return (ELR_EL2, SPSR_EL2), every system register
 * by name with EL2's privilege, and the ways EL2 acts on its guest: emulate
 * and skip an instruction, inject exceptions and virtual interrupts, reset.
 *
 * <p>Methods about "the trap" need the CPU to be in {@link Hypervisor#trap};
 * registers, system registers, HCR_EL2 and {@link #resetTo} work at any time.
 */
public final class GuestState {
    /** SPSR for EL1 with SP_EL1 and D, A, I, F masked: how an exception or reset enters EL1. */
    private static final long EL1H_MASKED = 0x3C5;

    private final Arm64Cpu cpu;

    public GuestState(Arm64Cpu cpu) {
        this.cpu = cpu;
    }

    public Arm64Cpu cpu() {
        return cpu;
    }

    // ---- the trap ----

    /** Synchronous exception, IRQ or FIQ. */
    public Syndrome.Kind kind() {
        requireTrap();
        return cpu.syndrome.kind;
    }

    /** ESR_EL2 (decode with {@link Esr}); for IRQ and FIQ it keeps its previous value. */
    public long esr() {
        return cpu.el2.esr;
    }

    public int exceptionClass() {
        return Esr.ec(cpu.el2.esr);
    }

    public long far() {
        return cpu.el2.far;
    }

    public long hpfar() {
        return cpu.el2.hpfar;
    }

    /** The intermediate physical address of a stage-2 abort: HPFAR_EL2's page, FAR_EL2's offset in it. */
    public long faultIpa() {
        return (cpu.el2.hpfar >>> 4) << 12 | (cpu.el2.far & 0xFFF);
    }

    // ---- guest registers ----

    /** X0..X30; 31 reads as zero (XZR, as in a syndrome's register field). */
    public long x(int n) {
        return n == 31 ? 0 : cpu.x[n];
    }

    /** Writes X0..X30; a write to 31 (XZR) is discarded. */
    public void setX(int n, long value) {
        if (n != 31) {
            cpu.x[n] = value;
        }
    }

    /** SP_EL0 or SP_EL1. */
    public long stackPointer(int el) {
        return cpu.stackPointer(el);
    }

    public void setStackPointer(int el, long value) {
        cpu.setStackPointer(el, value);
    }

    /** Where the guest resumes: ELR_EL2. */
    public long pc() {
        requireTrap();
        return cpu.el2.elr;
    }

    public void setPc(long pc) {
        requireTrap();
        cpu.el2.elr = pc;
    }

    /** The guest's PSTATE, restored on return: SPSR_EL2. */
    public long pstate() {
        requireTrap();
        return cpu.el2.spsr;
    }

    public void setPstate(long spsr) {
        requireTrap();
        cpu.el2.spsr = spsr;
    }

    /** The level the guest was at: 0 or 1. */
    public int guestEl() {
        return (int) (pstate() >>> 2) & 3;
    }

    /** Resumes after the trapped instruction, counting it as executed (it was emulated). */
    public void skipInstruction() {
        requireTrap();
        cpu.el2.elr += 4;
        cpu.retireEmulatedInstruction();
    }

    // ---- emulating a trapped load or store ----

    /** The value a trapped store writes (Xt of the syndrome, to its access size). */
    public long storedValue() {
        long esr = cpu.el2.esr;
        int size = Esr.accessSize(esr);
        long v = x(Esr.transferRegister(esr));
        return size == 8 ? v : v & ((1L << (8 * size)) - 1);
    }

    /** Completes a trapped load with {@code value}: extends it as the syndrome says, writes Xt, skips the load. */
    public void completeLoad(long value) {
        long esr = cpu.el2.esr;
        int bits = 8 * Esr.accessSize(esr);
        long v = bits == 64 ? value : Esr.signExtend(esr) ? value << (64 - bits) >> (64 - bits)
                : value & ((1L << bits) - 1);
        setX(Esr.transferRegister(esr), Esr.sixtyFourBit(esr) ? v : v & 0xFFFFFFFFL);
        skipInstruction();
    }

    // ---- system registers with EL2's privilege ----

    /** Reads a system register by its table name ("SCTLR_EL1", "ICH_LR0_EL2", "CNTVCT_EL0"...). */
    public long readSysreg(String name) {
        SystemRegister r = lookup(name);
        if (!r.readable()) {
            throw new IllegalArgumentException(name + " cannot be read");
        }
        int el = cpu.el();
        boolean spSel = cpu.spSel();
        cpu.setElAndSpSel(2, true);
        long value = r.read(cpu);
        cpu.setElAndSpSel(el, spSel);
        return value;
    }

    /** Writes a system register, or performs a system operation ("TLBI VMALLS12E1IS"), by its table name. */
    public void writeSysreg(String name, long value) {
        SystemRegister r = lookup(name);
        if (!r.writable()) {
            throw new IllegalArgumentException(name + " cannot be written");
        }
        int el = cpu.el();
        boolean spSel = cpu.spSel();
        cpu.setElAndSpSel(2, true);
        r.write(cpu, value);
        cpu.setElAndSpSel(el, spSel);
    }

    private SystemRegister lookup(String name) {
        SystemRegister r = cpu.sysregs.lookup(cpu.sysregs.keyOf(name));
        if (r.minimumEl() > 2) {
            throw new IllegalArgumentException(name + " is not accessible from EL2");
        }
        return r;
    }

    // ---- acting on the guest ----

    public long hcr() {
        return cpu.hcrEl2;
    }

    public void setHcr(long value) {
        cpu.setHcrEl2(value);
    }

    /** HCR_EL2.VI: a virtual IRQ pending for the guest (taken while HCR_EL2.IMO is set). */
    public void setVirtualIrq(boolean pending) {
        setHcrBit(Hcr.VI, pending);
    }

    /** HCR_EL2.VF: a virtual FIQ (taken while HCR_EL2.FMO is set). */
    public void setVirtualFiq(boolean pending) {
        setHcrBit(Hcr.VF, pending);
    }

    /** HCR_EL2.VSE: a virtual SError (taken while HCR_EL2.AMO is set; cleared when taken). */
    public void setVirtualSError(boolean pending) {
        setHcrBit(Hcr.VSE, pending);
    }

    private void setHcrBit(long bit, boolean set) {
        cpu.setHcrEl2(set ? cpu.hcrEl2 | bit : cpu.hcrEl2 & ~bit);
    }

    /**
     * Injects a synchronous exception into EL1, as if the guest's instruction
     * had raised it: ESR_EL1 = {@code esr}, FAR_EL1 = {@code far}, ELR_EL1 and
     * SPSR_EL1 from the guest's state, and the return goes to its VBAR_EL1
     * vector with EL1's stack pointer and interrupts masked.
     */
    public void injectSync(long esr, long far) {
        El1State e1 = cpu.el1;
        El2State e2 = cpu.el2;
        long spsr = pstate();
        e1.elr = e2.elr;
        e1.spsr = spsr;
        e1.esr = esr;
        e1.far = far;
        e2.elr = e1.vbar + El1State.vectorOffset(guestEl(), (spsr & 1) != 0, Syndrome.Kind.SYNC);
        e2.spsr = EL1H_MASKED;
    }

    /**
     * Resets the guest's EL0/EL1 state ({@link Arm64Cpu#resetTo}) so that it
     * runs from {@code entry} at EL1, MMU off, interrupts masked; the EL2
     * configuration stays. During a trap, the return goes there.
     */
    public void resetTo(long entry) {
        if (cpu.el() != 2) {
            cpu.resetTo(entry, 1);
            return;
        }
        cpu.resetTo(entry, 2);
        cpu.el2.elr = entry;
        cpu.el2.spsr = EL1H_MASKED;
    }

    private void requireTrap() {
        if (cpu.el() != 2) {
            throw new IllegalStateException("CPU " + cpu.index() + " is not handling a trap at EL2");
        }
    }
}
