package dev.jhsim.hypervisor.arm64;

import dev.jhsim.hypervisor.core.HypervisorConsole;
import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.el2.GuestState;
import dev.jhsim.machine.board.Machine;
import dev.jhsim.machine.firmware.Psci;

/**
 * The SMC Calling Convention's architecture calls for cells
 * ({@code arm-common/smccc.c}): SMCCC_VERSION (1.1) and
 * SMCCC_ARCH_FEATURES. Whether the Spectre workarounds are available is
 * what the board's firmware said when the hypervisor asked it at setup:
 * it needs PSCI 1.0 with SMCCC_VERSION among its features.
 */
final class Smccc {
    static final int OWNER_ARCH = 0;
    static final int OWNER_SIP = 2;
    static final int OWNER_STANDARD = 4;
    static final long NOT_SUPPORTED = -1;

    static final int VERSION = 0x8000_0000;
    static final int ARCH_FEATURES = 0x8000_0001;
    static final int ARCH_WORKAROUND_1 = 0x8000_8000;
    static final int ARCH_WORKAROUND_2 = 0x8000_7FFF;
    private static final long VERSION_1_1 = 0x10001;

    private final long workaround1;
    private final long workaround2;

    /**
     * {@code smccc_discover}: the board's PSCI firmware answers the calls
     * the hypervisor's SMCs would make. The workarounds are asked for only
     * through SMCCC 1.1, which needs PSCI 1.0 with SMCCC_VERSION.
     */
    Smccc(Machine machine) {
        Psci firmware = new Psci(machine.cpus(), machine.cluster());
        Arm64Cpu cpu = machine.cpu(0);
        long version = firmware.call(cpu, Psci.VERSION, 0, 0, 0);
        boolean smccc11 = version >= 0 && version >> 16 >= 1
                && firmware.call(cpu, Psci.FEATURES, VERSION, 0, 0) == Psci.SUCCESS
                && firmware.call(cpu, VERSION, 0, 0, 0) >= VERSION_1_1
                && firmware.call(cpu, ARCH_FEATURES, ARCH_FEATURES, 0, 0) == Psci.SUCCESS;
        this.workaround1 = smccc11 ? firmware.call(cpu, ARCH_FEATURES, ARCH_WORKAROUND_1, 0, 0) : NOT_SUPPORTED;
        this.workaround2 = smccc11 ? firmware.call(cpu, ARCH_FEATURES, ARCH_WORKAROUND_2, 0, 0) : NOT_SUPPORTED;
    }

    /** {@code handle_arch}; result in X0. */
    Traps.Result handleArch(HypervisorConsole console, GuestState guest) {
        int function = (int) guest.x(0);
        switch (function) {
            case VERSION -> guest.setX(0, VERSION_1_1);
            case ARCH_FEATURES -> guest.setX(0, features((int) guest.x(1)));
            case ARCH_WORKAROUND_2 -> {
                // Upstream returns the firmware's verdict as the trap's result: "not supported" (-1)
                // reads as a forbidden access, which parks the CPU.
                return workaround2 < 0 ? Traps.Result.FORBIDDEN : Traps.Result.HANDLED;
            }
            default -> {
                console.printf("Unhandled SMC arch trap %x\n", guest.x(0));
                return Traps.Result.UNHANDLED;
            }
        }
        return Traps.Result.HANDLED;
    }

    private long features(int function) {
        return switch (function) {
            case ARCH_FEATURES -> 0;
            case ARCH_WORKAROUND_1 -> workaround1;
            case ARCH_WORKAROUND_2 -> workaround2;
            default -> NOT_SUPPORTED;
        };
    }
}
