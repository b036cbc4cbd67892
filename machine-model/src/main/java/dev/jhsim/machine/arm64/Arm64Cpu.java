package dev.jhsim.machine.arm64;

import dev.jhsim.machine.arm64.mem.Fault;
import dev.jhsim.machine.arm64.mem.Mmu;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.sim.Processor;
import java.util.Arrays;

/**
 * One AArch64 core: its architectural state, in public fields so that decoded
 * instructions and a Java hypervisor reach it without indirection, and the
 * loop that runs cached translation blocks.
 *
 * <p>General registers live in {@link #x}: indices 0..30 are X0..X30,
 * {@link #ZR} always reads 0, {@link #SP} is the stack pointer currently
 * selected by EL and SPSel, and {@link #SINK} absorbs writes to XZR. Decoding
 * maps register number 31 to ZR, SP or SINK, so execution never tests for it.
 */
public final class Arm64Cpu implements Processor {
    public static final int ZR = 31;
    public static final int SP = 32;
    public static final int SINK = 33;

    /** X0..X30, zero, the current SP, write sink. */
    public final long[] x = new long[34];
    /** V0..V31 as pairs of longs: V[n] bits 63..0 at {@code 2n}, bits 127..64 at {@code 2n+1}. */
    public final long[] vr = new long[64];
    public long pc;
    /** PSTATE.NZCV, one field per flag. */
    public boolean n;
    public boolean z;
    public boolean c;
    public boolean v;
    /** PSTATE.DAIF at its PSTATE bit positions (D=9, A=8, I=7, F=6). */
    public int daif;
    public long fpcr;
    public long fpsr;
    public long tpidrEl0;
    public long tpidrroEl0;
    public long tpidrEl1;
    /**
     * HCR_EL2 (see {@link Hcr}). Read it here; change it with {@link #setHcrEl2}
     * so that translations are flushed and interrupts looked at again. The
     * reset value has RW set: EL1 runs AArch64.
     */
    public long hcrEl2 = Hcr.RW;
    /** Exclusive monitor: the reserved address, or -1 when open. */
    public long exclusiveAddress = -1;
    public int exclusiveSize;
    /** The values the reserving load saw; a store-exclusive succeeds only while memory still holds them. */
    public long exclusiveValue;
    public long exclusiveValue2;
    /** The event register WFE consumes and SEV sets. */
    public boolean eventRegister;

    public final Mmu mmu;
    public final SystemRegisters sysregs;
    public final Syndrome syndrome = new Syndrome();
    public final El1State el1 = new El1State();
    public final El2State el2 = new El2State();
    /** Decoded code for EL0 and for EL1: fetch permissions differ between them. */
    private final CodeCache el0Code;
    private final CodeCache el1Code;
    private CodeCache code;
    private long midr;
    private long mpidr;
    private boolean poweredOn = true;
    private final long frequencyHz;
    private final int index;
    private ExceptionRouter router = ExceptionRouter.HALT;
    private Runnable eventBroadcast = this::signalEvent;
    private int el;
    private boolean spSel;
    private final long[] stackPointers = new long[4];
    private State state = State.RUNNING;
    private String haltReason;
    private long retired;
    private int notRetired;
    /** Exceptions taken: each costs a cycle, so that a loop of exceptions lets virtual time pass. */
    private long exceptionsTaken;
    private long sliceStart;
    private boolean inSlice;
    /** PSTATE.IL: set by an illegal exception return until the exception it causes is taken. */
    private boolean illegalState;
    private boolean irqLine;
    private boolean fiqLine;
    private boolean virqLine;
    private boolean vfiqLine;
    /** Set when something asynchronous may need servicing before the next block. */
    private boolean attention;

    public Arm64Cpu(int index, PhysicalBus bus, SystemRegisters sysregs, long frequencyHz) {
        this.index = index;
        this.frequencyHz = frequencyHz;
        this.mmu = new Mmu(bus, index);
        this.sysregs = sysregs;
        this.el0Code = new CodeCache(mmu, bus.codeWatch());
        this.el1Code = new CodeCache(mmu, bus.codeWatch());
        this.code = el0Code;
        identify(0, 0x8000_0000L | index);
    }

    /** Sets MIDR_EL1 and MPIDR_EL1, and VPIDR_EL2/VMPIDR_EL2 to the same values, as at reset. */
    public void identify(long midr, long mpidr) {
        this.midr = midr;
        this.mpidr = mpidr;
        el2.vpidr = midr;
        el2.vmpidr = mpidr;
    }

    public long midr() {
        return midr;
    }

    public long mpidr() {
        return mpidr;
    }

    public int index() {
        return index;
    }

    public void setRouter(ExceptionRouter router) {
        this.router = router;
    }

    @Override
    public long frequencyHz() {
        return frequencyHz;
    }

    @Override
    public State state() {
        return state;
    }

    /** Instructions retired so far. */
    public long retired() {
        return retired;
    }

    public String haltReason() {
        return haltReason;
    }

    /** Stops this CPU for good, with a reason for whoever reports it. */
    public void halt(String reason) {
        state = State.HALTED;
        haltReason = reason;
    }

    /** Powers the CPU off (PSCI CPU_OFF, secondaries at boot): it stays halted until {@link #powerOn}. */
    public void powerOff() {
        halt("powered off");
        poweredOn = false;
    }

    /** Whether the CPU is powered (it may still be halted for another reason). */
    public boolean poweredOn() {
        return poweredOn;
    }

    /** Powers the CPU on at {@code entry} in EL1 with {@code contextId} in X0 (PSCI CPU_ON). */
    public void powerOn(long entry, long contextId) {
        resetTo(entry, 1);
        x[0] = contextId;
    }

    /**
     * Resets what EL0 and EL1 see and runs from {@code entry} at {@code targetEl}
     * (0 or 1) with SP_ELx selected: general, FP and EL1 system registers at
     * their reset values (so the MMU is off), all interrupts masked. The EL2
     * configuration is kept: a hypervisor resets its guests' CPUs this way.
     */
    public void resetTo(long entry, int targetEl) {
        Arrays.fill(x, 0);
        Arrays.fill(vr, 0);
        Arrays.fill(stackPointers, 0);
        setNzcv(0);
        daif = 0x3C0;
        fpcr = 0;
        fpsr = 0;
        tpidrEl0 = 0;
        tpidrroEl0 = 0;
        tpidrEl1 = 0;
        exclusiveAddress = -1;
        eventRegister = false;
        el1.reset();
        setElAndSpSel(targetEl, true);
        x[SP] = 0;
        pc = entry;
        flushTranslation();
        state = State.RUNNING;
        haltReason = null;
        poweredOn = true;
        attention = true;
    }

    /** Enters the waiting state (WFI/WFE) unless an interrupt is pending; PSTATE masks do not matter for waking. */
    public void waitForInterrupt() {
        if (!interruptPending()) {
            state = State.WAITING;
        }
    }

    /** Whether any interrupt is signalled that would end a wait: physical lines, or virtual ones HCR_EL2 enables. */
    public boolean interruptPending() {
        long hcr = hcrEl2;
        return irqLine || fiqLine
                || (hcr & Hcr.IMO) != 0 && (virqLine || (hcr & Hcr.VI) != 0)
                || (hcr & Hcr.FMO) != 0 && (vfiqLine || (hcr & Hcr.VF) != 0)
                || (hcr & (Hcr.AMO | Hcr.VSE)) == (Hcr.AMO | Hcr.VSE);
    }

    private void interruptsChanged() {
        attention = true;
        if (state == State.WAITING && interruptPending()) {
            state = State.RUNNING;
        }
    }

    /** Sets the physical IRQ and FIQ inputs; an asserted line wakes a waiting CPU. */
    public void setInterruptLines(boolean irq, boolean fiq) {
        irqLine = irq;
        fiqLine = fiq;
        interruptsChanged();
    }

    /**
     * The virtual IRQ and FIQ signals from a GIC virtual CPU interface. With
     * HCR_EL2.IMO (FMO) set, either this line or HCR_EL2.VI (VF) makes a virtual
     * IRQ (FIQ) pending, taken at EL1 when PSTATE.I (F) allows.
     */
    public void setVirtualInterruptLines(boolean virq, boolean vfiq) {
        virqLine = virq;
        vfiqLine = vfiq;
        interruptsChanged();
    }

    /** Writes HCR_EL2: a change of stage-2 enable flushes translations; interrupt routing is looked at again. */
    public void setHcrEl2(long value) {
        long changed = hcrEl2 ^ value;
        hcrEl2 = value;
        if ((changed & Hcr.VM) != 0) {
            flushTranslation();
        }
        interruptsChanged();
    }

    public boolean virqLine() {
        return virqLine;
    }

    public boolean vfiqLine() {
        return vfiqLine;
    }

    /** SEV: signals an event to every core this one is wired to (itself alone until a cluster wires it). */
    public void sendEvent() {
        eventBroadcast.run();
    }

    /** Who SEV reaches: a cluster makes it every core of the cluster. */
    public void setEventBroadcast(Runnable broadcast) {
        this.eventBroadcast = broadcast;
    }

    /** Sets the event register and wakes a CPU waiting in WFE (an event, SEV from another core). */
    public void signalEvent() {
        eventRegister = true;
        if (state == State.WAITING) {
            state = State.RUNNING;
        }
    }

    public boolean irqLine() {
        return irqLine;
    }

    public boolean fiqLine() {
        return fiqLine;
    }

    /** Asks the run loop to look at interrupts before the next block (after DAIF changes). */
    public void requestAttention() {
        attention = true;
    }

    @Override
    public long run(long cycles) {
        long begin = retired + exceptionsTaken;
        long end = begin + cycles;
        sliceStart = begin;
        inSlice = true;
        Block b = null;
        while (state == State.RUNNING && retired + exceptionsTaken < end) {
            if (attention) {
                attention = false;
                takePendingInterrupt();
                b = null;
                continue;
            }
            Block next = b == null ? null : b.successor(pc);
            if (next == null) {
                next = code.lookup(pc);
                if (next == null) {
                    fetchFault();
                    b = null;
                    continue;
                }
                if (b != null) {
                    b.chain(next);
                }
            }
            b = next;
            Insn[] ops = b.ops;
            int i = 0;
            while (ops[i].exec(this)) {
                i++;
            }
            retired += b.done[i] - notRetired;
            notRetired = 0;
        }
        inSlice = false;
        return retired + exceptionsTaken - begin;
    }

    /**
     * Cycles this CPU has run in the slice it is executing (0 between slices):
     * how far its own clock is ahead of the simulation's, for counters it reads.
     */
    public long cyclesIntoSlice() {
        return inSlice ? retired + exceptionsTaken - sliceStart : 0;
    }

    /**
     * Takes the highest-priority interrupt that PSTATE and HCR_EL2 let in.
     * Physical interrupts routed to EL2 (IMO/FMO) are taken whatever PSTATE.I/F
     * say; virtual ones exist only while routing is to EL2 and go to EL1.
     */
    private void takePendingInterrupt() {
        long hcr = hcrEl2;
        boolean irqToEl2 = (hcr & Hcr.IMO) != 0;
        boolean fiqToEl2 = (hcr & Hcr.FMO) != 0;
        boolean iMasked = (daif & 0x80) != 0;
        boolean fMasked = (daif & 0x40) != 0;
        if (fiqLine && (fiqToEl2 || !fMasked)) {
            interrupt(Syndrome.Kind.FIQ, fiqToEl2 ? 2 : 1);
        } else if (irqLine && (irqToEl2 || !iMasked)) {
            interrupt(Syndrome.Kind.IRQ, irqToEl2 ? 2 : 1);
        } else if ((hcr & (Hcr.AMO | Hcr.VSE)) == (Hcr.AMO | Hcr.VSE) && (daif & 0x100) == 0) {
            hcrEl2 = hcr & ~Hcr.VSE;
            interrupt(Syndrome.Kind.SERROR, 1);
        } else if (fiqToEl2 && (vfiqLine || (hcr & Hcr.VF) != 0) && !fMasked) {
            interrupt(Syndrome.Kind.FIQ, 1);
        } else if (irqToEl2 && (virqLine || (hcr & Hcr.VI) != 0) && !iMasked) {
            interrupt(Syndrome.Kind.IRQ, 1);
        }
    }

    private void interrupt(Syndrome.Kind kind, int targetEl) {
        exceptionsTaken++;
        Syndrome s = syndrome;
        s.kind = kind;
        s.targetEl = targetEl;
        s.ec = kind == Syndrome.Kind.SERROR ? Syndrome.EC_SERROR : 0;
        s.iss = 0;
        s.ipa = 0;
        s.pc = pc;
        s.returnPc = pc;
        router.route(this, s);
    }

    private void fetchFault() {
        if ((pc & 3) != 0) {
            raise(Syndrome.EC_PC_ALIGN, 0, pc, pc, pc, false);
            return;
        }
        Fault f = mmu.fault;
        int iss = f.statusCode() | (f.s1ptw ? 1 << 7 : 0);
        syndrome.ipa = f.ipa;
        f.kind = Fault.NONE;
        if (f.stage2) {
            raiseTo(2, Syndrome.EC_IABT_LOWER, iss, f.va, pc, pc, false);
        } else {
            raise(el == 0 ? Syndrome.EC_IABT_LOWER : Syndrome.EC_IABT_SAME, iss, f.va, pc, pc, false);
        }
    }

    /**
     * The single exception-entry point for synchronous exceptions: records the
     * syndrome, sets the PC to the preferred return address and hands over to
     * the router. Returns {@code false} so instructions can {@code return c.raise(...)}.
     */
    public boolean raise(int ec, int iss, long far, long insnPc, long returnPc, boolean retires) {
        return enter(1, ec, iss, far, insnPc, returnPc, retires, 0);
    }

    /** Like {@link #raise}, for an exception the architecture routes to {@code targetEl} (2: a trap to EL2, 3: SMC to firmware). */
    public boolean raiseTo(int targetEl, int ec, int iss, long far, long insnPc, long returnPc, boolean retires) {
        return enter(targetEl, ec, iss, far, insnPc, returnPc, retires, 0);
    }

    /**
     * For a router that emulated the instruction which raised the exception
     * being handled (an MMIO access, a trapped register): count it as retired.
     */
    public void retireEmulatedInstruction() {
        notRetired = 0;
    }

    /** UNDEFINED: the instruction at {@code insnPc} with the given encoding is not executed. */
    public boolean undefined(int encoding, long insnPc) {
        return enter(1, Syndrome.EC_UNKNOWN, 0, 0, insnPc, insnPc, false, encoding);
    }

    private boolean enter(int targetEl, int ec, int iss, long far, long insnPc, long returnPc, boolean retires,
            int encoding) {
        exceptionsTaken++;
        Syndrome s = syndrome;
        s.kind = Syndrome.Kind.SYNC;
        s.targetEl = targetEl;
        s.ec = ec;
        s.iss = iss;
        s.il = true;
        s.far = far;
        s.pc = insnPc;
        s.returnPc = returnPc;
        s.encoding = encoding;
        if (!retires) {
            notRetired = 1;
        }
        pc = returnPc;
        router.route(this, s);
        return false;
    }

    /** Turns the fault the MMU recorded during this instruction's access into a data abort. */
    public boolean dataAbort(long insnPc) {
        return dataAbort(insnPc, 0);
    }

    /**
     * A data abort with the instruction syndrome ({@code accessIss}: ISV, SAS,
     * SSE, SRT, SF, AR) that single-register loads and stores provide so that
     * a hypervisor can emulate the access. Stage-2 faults go to EL2 (with the
     * IPA for HPFAR_EL2); a fault on a stage-1 table walk has no instruction
     * syndrome but S1PTW set.
     */
    public boolean dataAbort(long insnPc, int accessIss) {
        Fault f = mmu.fault;
        int iss = (f.s1ptw ? 1 << 7 : accessIss) | f.statusCode() | (f.write ? 1 << 6 : 0);
        syndrome.ipa = f.ipa;
        f.kind = Fault.NONE;
        if (f.stage2) {
            return enter(2, Syndrome.EC_DABT_LOWER, iss, f.va, insnPc, insnPc, false, 0);
        }
        return raise(el == 0 ? Syndrome.EC_DABT_LOWER : Syndrome.EC_DABT_SAME, iss, f.va, insnPc, insnPc, false);
    }

    /**
     * An exception return (ERET at EL1, or the Java hypervisor resuming its
     * guest): PSTATE from {@code spsr}, execution at {@code elr}. A return to
     * a higher EL, to AArch32 or to a reserved mode is illegal: the EL stays
     * and the instruction at {@code elr} takes an Illegal Execution State
     * exception.
     */
    public void exceptionReturn(long spsr, long elr) {
        int m = (int) spsr & 0x1F;
        int target = m >>> 2;
        boolean legal = (m & 0x12) == 0 && target <= el && target < 2 && (target != 0 || (m & 1) == 0);
        if (!legal && el >= 2) {
            throw new IllegalStateException(String.format("EL2 returned to an illegal SPSR 0x%x", spsr));
        }
        setNzcv(spsr);
        daif = (int) spsr & 0x3C0;
        exclusiveAddress = -1;
        attention = true;
        pc = elr;
        if (legal) {
            setElAndSpSel(target, (m & 1) != 0);
        } else {
            illegalState = true;
            raise(Syndrome.EC_ILLEGAL_STATE, 0, 0, elr, elr, true);
            illegalState = false;
        }
    }

    // ---- PSTATE and banked state ----

    public int el() {
        return el;
    }

    /** PSTATE.SP: whether SP_ELx (rather than SP_EL0) is the stack pointer at EL1 and above. */
    public boolean spSel() {
        return spSel;
    }

    private int currentStackIndex() {
        return spSel ? el : 0;
    }

    /**
     * Changes exception level and stack selection together, banking the stack
     * pointer. Moving between EL0 and the higher levels switches the MMU's
     * cached permissions and the decoded code to that level's.
     */
    public void setElAndSpSel(int newEl, boolean newSpSel) {
        stackPointers[currentStackIndex()] = x[SP];
        if ((newEl == 0) != (el == 0)) {
            mmu.selectRegime(newEl == 0 ? 0 : 1);
            code = newEl == 0 ? el0Code : el1Code;
        }
        el = newEl;
        spSel = newSpSel;
        x[SP] = stackPointers[currentStackIndex()];
    }

    /** SP_ELn, whether or not it is the current stack pointer. */
    public long stackPointer(int level) {
        return level == currentStackIndex() ? x[SP] : stackPointers[level];
    }

    public void setStackPointer(int level, long value) {
        if (level == currentStackIndex()) {
            x[SP] = value;
        } else {
            stackPointers[level] = value;
        }
    }

    /** PSTATE as SPSR_ELx records it: NZCV, IL, DAIF, and M[3:0] for the EL and stack pointer (AArch64). */
    public long pstate() {
        return nzcv() | (illegalState ? 1L << 20 : 0) | daif | ((long) el << 2) | (el > 0 && spSel ? 1 : 0);
    }

    /** NZCV in bits 31..28, as MRS NZCV reads it. */
    public long nzcv() {
        return (n ? 1L << 31 : 0) | (z ? 1L << 30 : 0) | (c ? 1L << 29 : 0) | (v ? 1L << 28 : 0);
    }

    public void setNzcv(long value) {
        n = (value & (1L << 31)) != 0;
        z = (value & (1L << 30)) != 0;
        c = (value & (1L << 29)) != 0;
        v = (value & (1L << 28)) != 0;
    }

    /** Forgets all decoded code. */
    public void flushDecodedCode() {
        el0Code.flush();
        el1Code.flush();
    }

    /**
     * Forgets what depends on how addresses translate: the MMU's fast TLB and
     * the decoded code, which is cached by virtual address. The translation
     * regime calls this when its registers change or a TLB entry is invalidated.
     */
    public void flushTranslation() {
        mmu.flush();
        flushDecodedCode();
    }
}
