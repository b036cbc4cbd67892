package dev.jhsim.hypervisor.arm64;

import dev.jhsim.hypervisor.core.CpuStats;
import dev.jhsim.hypervisor.core.Jailhouse;
import dev.jhsim.hypervisor.core.PerCpu;
import dev.jhsim.machine.arm64.el2.GuestState;

/**
 * PSCI as a cell sees it ({@code arm-common/psci.c}): the hypervisor
 * answers for the firmware, and a cell's CPUs are the only ones it can
 * name. VERSION (1.1), CPU_SUSPEND (a wait for an interrupt), CPU_OFF
 * (the CPU parks), CPU_ON (a parked CPU of the cell starts at the entry,
 * with the context in X1 as upstream passes it), AFFINITY_INFO and
 * FEATURES; anything else, SYSTEM_OFF and SYSTEM_RESET among it, is not
 * supported: a cell cannot turn the board off.
 */
final class Psci {
    static final long VERSION = 0x8400_0000L;
    static final long CPU_SUSPEND = 0x8400_0001L;
    static final long CPU_OFF = 0x8400_0002L;
    static final long CPU_ON = 0x8400_0003L;
    static final long AFFINITY_INFO = 0x8400_0004L;
    static final long FEATURES = 0x8400_000AL;
    static final long CPU_SUSPEND_64 = 0xC400_0001L;
    static final long CPU_ON_64 = 0xC400_0003L;
    static final long AFFINITY_INFO_64 = 0xC400_0004L;
    /** The function IDs of U-Boot's PSCI 0.1. */
    static final long CPU_OFF_V0_1 = 0x95C1_BA5FL;
    static final long CPU_ON_V0_1 = 0x95C1_BA60L;

    static final long SUCCESS = 0;
    static final long NOT_SUPPORTED = -1;
    static final long DENIED = -3;
    static final long ALREADY_ON = -4;
    static final long CPU_IS_ON = 0;
    static final long CPU_IS_OFF = 1;
    private static final long VERSION_1_1 = 0x10001;

    private final Jailhouse hv;

    Psci(Jailhouse hv) {
        this.hv = hv;
    }

    /** {@code psci_dispatch}: the result for X0. */
    long dispatch(PerCpu cpu, GuestState guest) {
        cpu.count(CpuStats.VMEXITS_PSCI);
        long function = guest.x(0);
        if (function == VERSION) {
            return VERSION_1_1;
        } else if (function == CPU_SUSPEND || function == CPU_SUSPEND_64) {
            // The power state is ignored: a context-preserving suspend, ended by any interrupt.
            guest.cpu().waitForInterrupt();
            return SUCCESS;
        } else if (function == CPU_OFF || function == CPU_OFF_V0_1) {
            hv.arch().parkCpu(cpu);
            return SUCCESS;
        } else if (function == CPU_ON || function == CPU_ON_64 || function == CPU_ON_V0_1) {
            return cpuOn(cpu, guest);
        } else if (function == AFFINITY_INFO || function == AFFINITY_INFO_64) {
            PerCpu target = hv.cpuByMpidr(cpu.cell(), guest.x(1));
            return target == null ? DENIED : target.waitsForPowerOn() ? CPU_IS_OFF : CPU_IS_ON;
        } else if (function == FEATURES) {
            return features(guest.x(1));
        }
        return NOT_SUPPORTED;
    }

    private long cpuOn(PerCpu cpu, GuestState guest) {
        long mask = (guest.x(0) & 1L << 30) != 0 ? -1L : 0xFFFF_FFFFL;
        PerCpu target = hv.cpuByMpidr(cpu.cell(), guest.x(1) & mask);
        if (target == null) {
            return DENIED;
        }
        if (!target.waitsForPowerOn()) {
            return ALREADY_ON;
        }
        target.setCpuOn(guest.x(2) & mask, guest.x(3) & mask);
        target.countEvent();
        hv.arch().resetCpu(target);
        return SUCCESS;
    }

    private static long features(long function) {
        return function == VERSION || function == CPU_SUSPEND || function == CPU_SUSPEND_64 || function == CPU_OFF
                || function == CPU_ON || function == CPU_ON_64 || function == AFFINITY_INFO
                || function == AFFINITY_INFO_64 || function == FEATURES || function == (Smccc.VERSION & 0xFFFF_FFFFL)
                ? SUCCESS : NOT_SUPPORTED;
    }
}
