package dev.jhsim.machine.arm64;

import dev.jhsim.machine.arm64.mem.Fault;
import dev.jhsim.machine.arm64.mem.Mmu;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.sim.Processor;

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
    /** HCR_EL2 (see {@link Hcr}), set by the Java hypervisor acting as EL2. */
    public long hcrEl2;
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
    private final CodeCache code;
    private final long frequencyHz;
    private final int index;
    private ExceptionRouter router = ExceptionRouter.HALT;
    private int el;
    private boolean spSel;
    private final long[] stackPointers = new long[4];
    private State state = State.RUNNING;
    private String haltReason;
    private long retired;
    private int notRetired;
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
        this.code = new CodeCache(mmu, bus.codeWatch());
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

    /** Enters the waiting state (WFI/WFE) unless an interrupt is pending; PSTATE masks do not matter for waking. */
    public void waitForInterrupt() {
        if (!irqLine && !fiqLine) {
            state = State.WAITING;
        }
    }

    /** Sets the physical IRQ and FIQ inputs; an asserted line wakes a waiting CPU. */
    public void setInterruptLines(boolean irq, boolean fiq) {
        irqLine = irq;
        fiqLine = fiq;
        attention = true;
        if ((irq || fiq) && state == State.WAITING) {
            state = State.RUNNING;
        }
    }

    /**
     * The virtual IRQ and FIQ signals from a GIC virtual CPU interface
     * (combined with HCR_EL2.VI/VF by the exception model). Like the physical
     * lines, they wake a waiting CPU and are looked at between blocks.
     */
    public void setVirtualInterruptLines(boolean virq, boolean vfiq) {
        virqLine = virq;
        vfiqLine = vfiq;
        attention = true;
        if ((virq || vfiq) && state == State.WAITING) {
            state = State.RUNNING;
        }
    }

    public boolean virqLine() {
        return virqLine;
    }

    public boolean vfiqLine() {
        return vfiqLine;
    }

    /** Wakes a CPU waiting in WFE (an event, SEV from another core). */
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
        long begin = retired;
        long end = begin + cycles;
        Block b = null;
        while (state == State.RUNNING && retired < end) {
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
        return retired - begin;
    }

    private void takePendingInterrupt() {
        Syndrome.Kind kind;
        if (fiqLine && (daif & 0x40) == 0) {
            kind = Syndrome.Kind.FIQ;
        } else if (irqLine && (daif & 0x80) == 0) {
            kind = Syndrome.Kind.IRQ;
        } else {
            return;
        }
        Syndrome s = syndrome;
        s.kind = kind;
        s.ec = 0;
        s.iss = 0;
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
        int ec = el == 0 ? Syndrome.EC_IABT_LOWER : Syndrome.EC_IABT_SAME;
        int fsc = f.statusCode();
        f.kind = Fault.NONE;
        raise(ec, fsc, f.va, pc, pc, false);
    }

    /**
     * The single exception-entry point for synchronous exceptions: records the
     * syndrome, sets the PC to the preferred return address and hands over to
     * the router. Returns {@code false} so instructions can {@code return c.raise(...)}.
     */
    public boolean raise(int ec, int iss, long far, long insnPc, long returnPc, boolean retires) {
        return enter(ec, iss, far, insnPc, returnPc, retires, 0);
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
        return enter(Syndrome.EC_UNKNOWN, 0, 0, insnPc, insnPc, false, encoding);
    }

    private boolean enter(int ec, int iss, long far, long insnPc, long returnPc, boolean retires, int encoding) {
        Syndrome s = syndrome;
        s.kind = Syndrome.Kind.SYNC;
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
     * a hypervisor can emulate the access.
     */
    public boolean dataAbort(long insnPc, int accessIss) {
        Fault f = mmu.fault;
        int ec = el == 0 ? Syndrome.EC_DABT_LOWER : Syndrome.EC_DABT_SAME;
        int iss = accessIss | f.statusCode() | (f.write ? 1 << 6 : 0);
        syndrome.ipa = f.ipa;
        f.kind = Fault.NONE;
        return raise(ec, iss, f.va, insnPc, insnPc, false);
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

    /** Changes exception level and stack selection together, banking the stack pointer. */
    public void setElAndSpSel(int newEl, boolean newSpSel) {
        stackPointers[currentStackIndex()] = x[SP];
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

    /** Forgets all decoded code (after the translation regime changed). */
    public void flushDecodedCode() {
        code.flush();
    }
}
