package dev.jhsim.hypervisor.arm64;

import dev.jhsim.hypervisor.core.CellFailure;
import dev.jhsim.hypervisor.core.CommRegion;
import dev.jhsim.hypervisor.core.Control;
import dev.jhsim.hypervisor.core.CpuStats;
import dev.jhsim.hypervisor.core.HypervisorConsole;
import dev.jhsim.hypervisor.core.Jailhouse;
import dev.jhsim.hypervisor.core.PerCpu;
import dev.jhsim.machine.arm64.Syndrome;
import dev.jhsim.machine.arm64.el2.Esr;
import dev.jhsim.machine.arm64.el2.GuestState;
import dev.jhsim.machine.arm64.el2.Hypervisor;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;

/**
 * Every exception a cell's CPU takes to EL2 ({@code arch/arm64/traps.c}
 * and the exit path of {@code entry.S}): each one counts as an exit;
 * physical interrupts go to the interrupt controller, synchronous traps to
 * the handler of their exception class: hypercalls, SMCs (PSCI and SMCCC),
 * trapped system registers (ICC_SGI1R_EL1) and stage-2 aborts (MMIO
 * emulation). A trap no handler takes, or one a handler refuses, is fatal
 * for the CPU: the report goes to the console, the CPU is parked, and the
 * failure is reported as data.
 */
final class Traps implements Hypervisor {
    /** The immediate of Jailhouse's hypercall instruction, {@code hvc #0x4a48}. */
    static final int HVC_CODE = 0x4A48;

    private static final int ICC_SGI1R_EL1 = SystemRegisters.key(3, 0, 12, 11, 5);

    /** What a handler made of a trap. */
    enum Result { HANDLED, UNHANDLED, FORBIDDEN }

    private final Jailhouse hv;
    private final Control control;
    private final Irqchip irqchip;
    private final Psci psci;
    private final Smccc smccc;
    private final DataAborts dataAborts;

    Traps(Jailhouse hv, Control control, Irqchip irqchip) {
        this.hv = hv;
        this.control = control;
        this.irqchip = irqchip;
        this.psci = new Psci(hv);
        this.smccc = new Smccc(hv.machine());
        this.dataAborts = new DataAborts(hv);
    }

    @Override
    public void trap(GuestState guest) {
        PerCpu cpu = hv.cpu(guest.cpu().index());
        cpu.count(CpuStats.VMEXITS_TOTAL);
        Syndrome.Kind kind = guest.kind();
        if (kind == Syndrome.Kind.IRQ) {
            irqchip.handleIrq(cpu);
            return;
        }
        long elr = guest.pc();
        long mark = hv.console().written();
        Result result = kind == Syndrome.Kind.SYNC ? synchronous(cpu, guest) : Result.UNHANDLED;
        if (result != Result.HANDLED) {
            fail(cpu, guest, result, elr, mark);
        }
    }

    private Result synchronous(PerCpu cpu, GuestState guest) {
        return switch (guest.exceptionClass()) {
            case Esr.EC_HVC -> hypercall(cpu, guest);
            case Esr.EC_SMC -> smc(cpu, guest);
            case Esr.EC_SYSREG -> systemRegister(cpu, guest);
            case Esr.EC_IABT_LOWER -> instructionAbort(guest);
            case Esr.EC_DABT_LOWER -> dataAborts.handle(cpu, guest);
            default -> Result.UNHANDLED;
        };
    }

    private Result hypercall(PerCpu cpu, GuestState guest) {
        if (Esr.immediate(guest.esr()) != HVC_CODE) {
            return Result.FORBIDDEN;
        }
        guest.setX(0, control.hypercall(cpu, guest.x(0), guest.x(1), guest.x(2)));
        return Result.HANDLED;
    }

    /** {@code handle_smc}: the SMC is skipped whatever becomes of it. */
    private Result smc(PerCpu cpu, GuestState guest) {
        guest.skipInstruction();
        long function = guest.x(0);
        return switch ((int) (function >>> 24) & 0x3F) {
            case Smccc.OWNER_ARCH -> {
                cpu.count(CpuStats.VMEXITS_SMCCC);
                yield smccc.handleArch(hv.console(), guest);
            }
            case Smccc.OWNER_SIP -> {
                cpu.count(CpuStats.VMEXITS_SMCCC);
                guest.setX(0, Smccc.NOT_SUPPORTED);
                yield Result.HANDLED;
            }
            case Smccc.OWNER_STANDARD -> {
                guest.setX(0, psci.dispatch(cpu, guest));
                yield Result.HANDLED;
            }
            default -> Result.UNHANDLED;
        };
    }

    /** Only writes of ICC_SGI1R_EL1 (an SGI the cell sends) are emulated. */
    private Result systemRegister(PerCpu cpu, GuestState guest) {
        long esr = guest.esr();
        if (Esr.systemRegisterRead(esr) || Esr.systemRegisterKey(esr) != ICC_SGI1R_EL1) {
            return Result.UNHANDLED;
        }
        long value = guest.x(Esr.systemRegisterTransfer(esr));
        int routing = (value >>> 40 & 1) != 0 ? 1 : 0;
        long cluster = (value >>> 48 & 0xFF) << 32 | (value >>> 32 & 0xFF) << 16 | (value >>> 16 & 0xFF) << 8;
        irqchip.sendCellSgi(cpu, (int) (value >>> 24) & 0xF, routing, (int) value & 0xFFFF, cluster);
        guest.skipInstruction();
        return Result.HANDLED;
    }

    private Result instructionAbort(GuestState guest) {
        hv.console().printf("FATAL: instruction abort at 0x%x\n", guest.hpfar() << 8 | guest.far() & 0xFFF);
        return Result.FORBIDDEN;
    }

    /** {@code arch_handle_trap}'s failure path, then {@code panic_park}. */
    private void fail(PerCpu cpu, GuestState guest, Result result, long elr, long mark) {
        HypervisorConsole console = hv.console();
        int ec = guest.kind() == Syndrome.Kind.SYNC ? guest.exceptionClass() : 0;
        console.printf("\nFATAL: %s (exception class 0x%02x)\n",
                result == Result.UNHANDLED ? "unhandled trap" : "forbidden access", ec);
        console.print("Cell state before exception:\n");
        RegisterDump.print(console, guest, elr);
        long pc = guest.pc();
        control.panicPark(cpu);
        boolean cellFailed = cpu.cell().comm().cellState() == CommRegion.FAILED;
        hv.reportFailure(new CellFailure(hv.simulation().now(), cpu.cell().name(), cpu.id(), ec, pc, cellFailed,
                console.textSince(mark)));
    }
}
