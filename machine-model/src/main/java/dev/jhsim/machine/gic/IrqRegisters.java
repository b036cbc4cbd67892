package dev.jhsim.machine.gic;

import dev.jhsim.machine.device.RegisterMap;

/**
 * The per-interrupt register arrays that GICD (both versions) and the GICv3
 * redistributor's SGI frame lay out the same way, bound to one CPU's view of
 * {@link InterruptState}: words {@code first .. first+count-1} of each array.
 */
final class IrqRegisters {
    static final long IGROUPR = 0x080;
    static final long ISENABLER = 0x100;
    static final long ICENABLER = 0x180;
    static final long ISPENDR = 0x200;
    static final long ICPENDR = 0x280;
    static final long ISACTIVER = 0x300;
    static final long ICACTIVER = 0x380;
    static final long IPRIORITYR = 0x400;
    static final long ICFGR = 0xC00;

    private final RegisterMap map;
    /** Where the arrays start in the map (the SGI frame of a redistributor is 64 KiB in). */
    private final long base;
    private final InterruptState state;
    private final int cpu;
    private final int first;
    private final int count;

    IrqRegisters(RegisterMap map, long base, InterruptState state, int cpu, int first, int count) {
        this.map = map;
        this.base = base;
        this.state = state;
        this.cpu = cpu;
        this.first = first;
        this.count = count;
    }

    /**
     * IGROUPR, IS/ICENABLER, IS/ICPENDR, IS/ICACTIVER, IPRIORITYR and ICFGR.
     * {@code sgiWritable} says whether writes may change the enable and
     * pending bits of SGIs (GICv2 keeps SGIs enabled and their pending state
     * in the per-source registers).
     */
    void install(boolean sgiWritable) {
        int fixed = sgiWritable ? 0 : 0xFFFF;
        map.array32(base + IGROUPR + 4L * first, count, i -> u32(state.group.word(cpu, first + i)),
                (i, v) -> state.write(state.group, cpu, first + i, (int) v));
        setClear(ISENABLER, ICENABLER, state.enabled, fixed);
        map.array32(base + ISPENDR + 4L * first, count, i -> u32(state.pending(cpu, first + i)),
                (i, v) -> state.update(state.latched, cpu, first + i, writable(i, v, fixed), true));
        map.array32(base + ICPENDR + 4L * first, count, i -> u32(state.pending(cpu, first + i)),
                (i, v) -> state.update(state.latched, cpu, first + i, writable(i, v, fixed), false));
        setClear(ISACTIVER, ICACTIVER, state.active, 0);
        map.array32Bytes(base + IPRIORITYR + 32L * first, 8 * count,
                i -> u32(state.priority.register(cpu, 8 * first + i)),
                (i, v) -> state.setPriorities(cpu, 8 * first + i, v));
        map.array32(base + ICFGR + 8L * first, 2 * count, i -> u32(state.config(cpu, 2 * first + i)),
                (i, v) -> state.setConfig(cpu, 2 * first + i, v));
    }

    private void setClear(long setOffset, long clearOffset, IrqBits bits, int fixed) {
        map.array32(base + setOffset + 4L * first, count, i -> u32(bits.word(cpu, first + i)),
                (i, v) -> state.update(bits, cpu, first + i, writable(i, v, fixed), true));
        map.array32(base + clearOffset + 4L * first, count, i -> u32(bits.word(cpu, first + i)),
                (i, v) -> state.update(bits, cpu, first + i, writable(i, v, fixed), false));
    }

    /** The bits of a write that may change: in word 0, not the {@code fixed} ones. */
    private int writable(int i, long value, int fixed) {
        return first + i == 0 ? (int) value & ~fixed : (int) value;
    }

    static long u32(int v) {
        return v & 0xFFFFFFFFL;
    }

    /**
     * The CoreSight identification block at {@code base} (0xFD0 in GICv2,
     * 0xFFD0 in GICv3): PIDR4..7, PIDR0..3, CIDR0..3, one byte each.
     */
    static void identification(RegisterMap map, long base, int pidr0, int pidr1, int pidr2, int pidr4) {
        int[] ids = {pidr4, 0, 0, 0, pidr0, pidr1, pidr2, 0, 0x0D, 0xF0, 0x05, 0xB1};
        for (int i = 0; i < ids.length; i++) {
            long value = ids[i];
            map.reg32(base + 4L * i, () -> value);
        }
    }
}
