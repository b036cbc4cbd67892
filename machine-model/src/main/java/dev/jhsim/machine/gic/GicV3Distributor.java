package dev.jhsim.machine.gic;

import dev.jhsim.machine.device.RegisterMap;

/**
 * GICD of a GICv3 with a single Security state (GICD_CTLR.DS = 1) and
 * affinity routing always on (ARE RAO/WI, as on QEMU's GICv3): group
 * enables, the SPI arrays (the SGI/PPI words live in the redistributors and
 * are RAZ/WI here), IROUTER, identification. Without a second Security
 * state, IGRPMODR and NSACR are RAZ/WI; without legacy operation, so are
 * ITARGETSR, SGIR and C/SPENDSGIR. No LPIs, no message-based SPIs.
 */
final class GicV3Distributor {
    static final long SIZE = 0x10000;
    static final long CTLR_ARE = 1 << 4;
    static final long CTLR_DS = 1 << 6;
    /** Arm, r0p0, as QEMU's GIC-500-like model. */
    static final long IIDR = 0x43B;
    private static final long IROUTER = 0x6000;

    private GicV3Distributor() {
    }

    static RegisterMap create(InterruptState state, AffinityRouting routing) {
        RegisterMap map = new RegisterMap(SIZE);
        map.reg32(0x0, () -> (state.forwarded(0) ? 1 : 0) | (state.forwarded(1) ? 2 : 0) | CTLR_ARE | CTLR_DS,
                v -> state.setForwarding((v & 1) != 0, (v & 2) != 0));
        map.reg32(0x4, () -> typer(state));
        map.reg32(0x8, () -> IIDR);
        new IrqRegisters(map, 0, state, 0, 1, state.words - 1).install(true);
        map.array64(IROUTER + 8 * 32, state.lines - 32, i -> routing.irouter(32 + i),
                (i, v) -> routing.setIrouter(32 + i, v));
        IrqRegisters.identification(map, 0xFFD0, 0x92, 0xB4, 0x3B, 0x44);
        return map;
    }

    /** ITLinesNumber, IDbits = 9 (10-bit INTIDs, no LPIs), A3V; 1-of-N supported, no Security extension. */
    private static long typer(InterruptState state) {
        return (state.words - 1) | 9 << 19 | 1 << 24;
    }
}
