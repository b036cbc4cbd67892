package dev.jhsim.machine.arm64;

/** Bits of HCR_EL2, the hypervisor configuration register (held in {@link Arm64Cpu#hcrEl2}). */
public final class Hcr {
    private Hcr() {
    }

    public static final long VM = 1L << 0;
    public static final long SWIO = 1L << 1;
    public static final long FMO = 1L << 3;
    public static final long IMO = 1L << 4;
    public static final long AMO = 1L << 5;
    public static final long VF = 1L << 6;
    public static final long VI = 1L << 7;
    public static final long VSE = 1L << 8;
    public static final long FB = 1L << 9;
    public static final long BSU_INNER = 1L << 10;
    public static final long TWI = 1L << 13;
    public static final long TWE = 1L << 14;
    public static final long TSC = 1L << 19;
    public static final long TACR = 1L << 21;
    public static final long TSW = 1L << 22;
    public static final long TTLB = 1L << 25;
    public static final long TVM = 1L << 26;
    public static final long HCD = 1L << 29;
    public static final long TRVM = 1L << 30;
    public static final long RW = 1L << 31;
}
