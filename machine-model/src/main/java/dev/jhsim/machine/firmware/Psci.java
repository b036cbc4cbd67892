package dev.jhsim.machine.firmware;

import dev.jhsim.machine.arm64.Arm64Cpu;
import java.util.List;

/**
 * PSCI 1.1 as the firmware of QEMU's virt machine answers it: VERSION,
 * CPU_SUSPEND (a wait for interrupt), CPU_OFF, CPU_ON, AFFINITY_INFO,
 * MIGRATE_INFO_TYPE (no trusted OS), SYSTEM_OFF, SYSTEM_RESET and FEATURES,
 * with the SMC64 forms where PSCI defines them. Any other function (MIGRATE
 * among them) returns NOT_SUPPORTED. CPUs are named by MPIDR affinity; a CPU
 * turned on starts at EL1 at the entry point with the context ID in X0.
 */
public final class Psci implements Firmware {
    public static final int VERSION = 0x8400_0000;
    public static final int CPU_SUSPEND = 0x8400_0001;
    public static final int CPU_OFF = 0x8400_0002;
    public static final int CPU_ON = 0x8400_0003;
    public static final int AFFINITY_INFO = 0x8400_0004;
    public static final int MIGRATE_INFO_TYPE = 0x8400_0006;
    public static final int SYSTEM_OFF = 0x8400_0008;
    public static final int SYSTEM_RESET = 0x8400_0009;
    public static final int FEATURES = 0x8400_000A;
    /** Function IDs with this bit are the SMC64 forms. */
    public static final int SMC64 = 0x4000_0000;

    public static final int SUCCESS = 0;
    public static final int NOT_SUPPORTED = -1;
    public static final int INVALID_PARAMETERS = -2;
    public static final int ALREADY_ON = -4;

    private static final int VERSION_1_1 = 0x0001_0001;
    /** MIGRATE_INFO_TYPE: no trusted OS, so nothing to migrate. */
    private static final int MIGRATION_NOT_REQUIRED = 2;
    private static final long AFFINITY_MASK = 0xFF_00FF_FFFFL;

    /** What SYSTEM_OFF and SYSTEM_RESET ask of the machine. */
    public interface SystemPower {
        void off();

        void reset();
    }

    private final List<Arm64Cpu> cpus;
    private final SystemPower power;

    public Psci(List<Arm64Cpu> cpus, SystemPower power) {
        this.cpus = cpus;
        this.power = power;
    }

    @Override
    public void call(Arm64Cpu caller) {
        int function = (int) caller.x[0];
        boolean smc64 = (function & SMC64) != 0;
        long a1 = smc64 ? caller.x[1] : caller.x[1] & 0xFFFFFFFFL;
        long a2 = smc64 ? caller.x[2] : caller.x[2] & 0xFFFFFFFFL;
        long a3 = smc64 ? caller.x[3] : caller.x[3] & 0xFFFFFFFFL;
        caller.x[0] = call(caller, function, a1, a2, a3);
    }

    /** One call from {@code caller}; returns X0 (sign-extended from 32 bits, as the convention has it). */
    public long call(Arm64Cpu caller, int function, long a1, long a2, long a3) {
        switch (function) {
            case VERSION:
                return VERSION_1_1;
            case MIGRATE_INFO_TYPE:
                return MIGRATION_NOT_REQUIRED;
            case FEATURES:
                return implemented((int) a1) ? SUCCESS : NOT_SUPPORTED;
            case CPU_ON, CPU_ON | SMC64:
                return cpuOn(a1, a2, a3);
            case CPU_OFF:
                caller.powerOff();
                return SUCCESS;
            case AFFINITY_INFO, AFFINITY_INFO | SMC64:
                return affinityInfo(a1, a2);
            case CPU_SUSPEND, CPU_SUSPEND | SMC64:
                if ((a1 & 0xFFFE_0000L) != 0) {
                    return INVALID_PARAMETERS;
                }
                caller.waitForInterrupt();
                return SUCCESS;
            case SYSTEM_OFF:
                power.off();
                return SUCCESS;
            case SYSTEM_RESET:
                power.reset();
                return SUCCESS;
            default:
                return NOT_SUPPORTED;
        }
    }

    private static boolean implemented(int function) {
        return switch (function) {
            case VERSION, CPU_SUSPEND, CPU_SUSPEND | SMC64, CPU_OFF, CPU_ON, CPU_ON | SMC64, AFFINITY_INFO,
                    AFFINITY_INFO | SMC64, MIGRATE_INFO_TYPE, SYSTEM_OFF, SYSTEM_RESET, FEATURES -> true;
            default -> false;
        };
    }

    private long cpuOn(long mpidr, long entry, long contextId) {
        Arm64Cpu target = byAffinity(mpidr);
        if (target == null) {
            return INVALID_PARAMETERS;
        }
        if (target.poweredOn()) {
            return ALREADY_ON;
        }
        target.powerOn(entry, contextId);
        return SUCCESS;
    }

    /** 0 (on) or 1 (off) for a CPU at affinity level 0; higher levels are always on. */
    private long affinityInfo(long mpidr, long level) {
        if (level != 0) {
            return 0;
        }
        Arm64Cpu target = byAffinity(mpidr);
        if (target == null) {
            return INVALID_PARAMETERS;
        }
        return target.poweredOn() ? 0 : 1;
    }

    private Arm64Cpu byAffinity(long mpidr) {
        for (Arm64Cpu c : cpus) {
            if ((c.mpidr() & AFFINITY_MASK) == (mpidr & AFFINITY_MASK)) {
                return c;
            }
        }
        return null;
    }
}
