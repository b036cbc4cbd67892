package dev.jhsim.machine.gic;

import dev.jhsim.machine.device.RegisterMap;

/**
 * The redistributor of one CPU: the RD_base frame (identification, TYPER
 * with the CPU's affinity, processor number and Last, WAKER) and the SGI_base
 * frame 64 KiB in (the SGI and PPI arrays of that CPU). No LPIs, so CTLR,
 * PROPBASER and PENDBASER are RAZ/WI; with a single Security state so are
 * IGRPMODR0 and NSACR.
 *
 * <p>WAKER.ProcessorSleep and ChildrenAsleep are kept and reported, but,
 * as in QEMU, a sleeping redistributor still forwards interrupts.
 */
final class GicV3Redistributor {
    static final long SGI_BASE = 0x10000;
    static final long TYPER_LAST = 1 << 4;
    static final int WAKER_PROCESSOR_SLEEP = 1 << 1;
    static final int WAKER_CHILDREN_ASLEEP = 1 << 2;

    private final RegisterMap map;
    private boolean processorSleep = true;

    /** {@code affinity}: Aff3.Aff2.Aff1.Aff0 of the CPU, as in GICR_TYPER[63:32]. */
    GicV3Redistributor(InterruptState state, int cpu, int affinity, boolean last, long size) {
        map = new RegisterMap(size);
        map.reg32(0x0, () -> 0);
        map.reg32(0x4, () -> GicV3Distributor.IIDR);
        long typer = (affinity & 0xFFFFFFFFL) << 32 | (long) cpu << 8 | (last ? TYPER_LAST : 0);
        map.reg64(0x8, () -> typer, v -> { });
        map.reg32(0x14, () -> processorSleep ? WAKER_PROCESSOR_SLEEP | WAKER_CHILDREN_ASLEEP : 0,
                v -> processorSleep = (v & WAKER_PROCESSOR_SLEEP) != 0);
        IrqRegisters.identification(map, 0xFFD0, 0x93, 0xB4, 0x3B, 0x44);
        new IrqRegisters(map, SGI_BASE, state, cpu, 0, 1).install(true);
    }

    RegisterMap registers() {
        return map;
    }
}
