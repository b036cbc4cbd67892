package dev.jhsim.machine.gic;

import dev.jhsim.machine.device.RegisterMap;

/**
 * GICD of a GIC-400 without the Security extension, as one CPU sees it: the
 * SGI and PPI words of the per-interrupt arrays are that CPU's, ITARGETSR0..7
 * read as that CPU alone, and SGIR sends from it. SGIs are always enabled;
 * their pending state is set and cleared per source in SPENDSGIR/CPENDSGIR.
 */
final class GicV2Distributor {
    static final long SIZE = 0x1000;
    /** GIC-400 r0p1. */
    static final long IIDR = 0x0200143B;
    private static final long ITARGETSR = 0x800;
    private static final long SGIR = 0xF00;
    private static final long CPENDSGIR = 0xF10;
    private static final long SPENDSGIR = 0xF20;

    private GicV2Distributor() {
    }

    static RegisterMap view(GicV2 gic, InterruptState state, TargetListRouting routing, SgiSources sgis, int cpu) {
        RegisterMap map = new RegisterMap(SIZE);
        map.reg32(0x0, () -> (state.forwarded(0) ? 1 : 0) | (state.forwarded(1) ? 2 : 0),
                v -> state.setForwarding((v & 1) != 0, (v & 2) != 0));
        map.reg32(0x4, () -> (state.words - 1) | (state.cpus - 1) << 5);
        map.reg32(0x8, () -> IIDR);
        new IrqRegisters(map, 0, state, cpu, 0, state.words).install(false);
        long self = 0x01010101L << cpu;
        map.array32(ITARGETSR, 8, i -> self, (i, v) -> { });
        map.array32Bytes(ITARGETSR + 32, state.lines / 4 - 8, i -> routing.register(8 + i),
                (i, v) -> routing.setRegister(8 + i, v));
        map.reg32(SGIR, () -> 0, v -> gic.sendSgi(cpu, v));
        // Clearing by byte would clear the other bytes too through read-modify-write: word writes only.
        map.array32(CPENDSGIR, 4, i -> sgis.register(cpu, i), (i, v) -> sgis.update(cpu, i, v, false));
        map.array32Bytes(SPENDSGIR, 4, i -> sgis.register(cpu, i), (i, v) -> sgis.update(cpu, i, v, true));
        IrqRegisters.identification(map, 0xFD0, 0x90, 0xB4, 0x2B, 0x04);
        return map;
    }
}
