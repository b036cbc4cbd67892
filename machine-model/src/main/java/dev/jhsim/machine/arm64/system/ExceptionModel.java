package dev.jhsim.machine.arm64.system;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.El1State;
import dev.jhsim.machine.arm64.El2State;
import dev.jhsim.machine.arm64.ExceptionRouter;
import dev.jhsim.machine.arm64.Syndrome;
import dev.jhsim.machine.arm64.el2.GuestState;
import dev.jhsim.machine.arm64.el2.Hypervisor;
import dev.jhsim.machine.firmware.Firmware;
import java.util.List;

/**
 * Takes every exception of a machine's CPUs where the architecture sends it
 * ({@link Syndrome#targetEl}): into EL1 through VBAR_EL1, to the Java
 * {@link Hypervisor} acting as EL2, or to the {@link Firmware} for SMCs. With
 * no hypervisor installed, HVC also goes to the firmware (as on QEMU's virt
 * machine without virtualization), and anything else routed to EL2 halts the
 * CPU with the syndrome as its reason.
 */
public final class ExceptionModel implements ExceptionRouter {
    /** ISS bits 24:14 (ISV and the instruction syndrome) exist only in ESR_EL2. */
    private static final long INSTRUCTION_SYNDROME = 0x7FFL << 14;

    private final Firmware firmware;
    private final GuestState[] guests;
    private Hypervisor hypervisor;

    public ExceptionModel(List<Arm64Cpu> cpus, Firmware firmware) {
        this.firmware = firmware;
        this.guests = cpus.stream().map(GuestState::new).toArray(GuestState[]::new);
    }

    /** Installs (or, with {@code null}, removes) the Java EL2. */
    public void installHypervisor(Hypervisor hypervisor) {
        this.hypervisor = hypervisor;
    }

    public Hypervisor hypervisor() {
        return hypervisor;
    }

    /** The EL2 view of CPU {@code index}. */
    public GuestState guest(int index) {
        return guests[index];
    }

    @Override
    public void route(Arm64Cpu cpu, Syndrome s) {
        switch (s.targetEl) {
            case 2 -> toEl2(cpu, s);
            case 3 -> firmware.call(cpu);
            default -> toEl1(cpu, s);
        }
    }

    /** Exception entry to EL1: ESR/FAR/ELR/SPSR_EL1, SP_EL1, D, A, I, F masked, PC at the vector. */
    private static void toEl1(Arm64Cpu cpu, Syndrome s) {
        El1State e = cpu.el1;
        if (s.kind == Syndrome.Kind.SYNC || s.kind == Syndrome.Kind.SERROR) {
            long esr = s.esr();
            e.esr = isDataAbort(s.ec) ? esr & ~INSTRUCTION_SYNDROME : esr;
            if (hasFaultAddress(s.ec)) {
                e.far = s.far;
            }
        }
        e.spsr = cpu.pstate();
        e.elr = s.returnPc;
        long vector = e.vbar + El1State.vectorOffset(cpu.el(), cpu.spSel(), s.kind);
        cpu.setElAndSpSel(1, true);
        cpu.daif = 0x3C0;
        cpu.exclusiveAddress = -1;
        cpu.pc = vector;
    }

    private void toEl2(Arm64Cpu cpu, Syndrome s) {
        if (hypervisor == null) {
            if (s.kind == Syndrome.Kind.SYNC && s.ec == Syndrome.EC_HVC64) {
                firmware.call(cpu);
            } else {
                cpu.halt("exception routed to EL2 with no hypervisor installed: " + s);
            }
            return;
        }
        El2State e = cpu.el2;
        if (s.kind == Syndrome.Kind.SYNC) {
            e.esr = s.esr();
            if (s.ec == Syndrome.EC_IABT_LOWER || s.ec == Syndrome.EC_DABT_LOWER) {
                e.far = s.far;
                e.hpfar = (s.ipa >>> 12) << 4;
            }
        }
        e.spsr = cpu.pstate();
        e.elr = s.returnPc;
        cpu.setElAndSpSel(2, true);
        cpu.daif = 0x3C0;
        hypervisor.trap(guests[cpu.index()]);
        cpu.exceptionReturn(e.spsr, e.elr);
    }

    private static boolean isDataAbort(int ec) {
        return ec == Syndrome.EC_DABT_LOWER || ec == Syndrome.EC_DABT_SAME;
    }

    /** Aborts and PC alignment faults report an address in FAR_ELx; for other exceptions it is left alone. */
    private static boolean hasFaultAddress(int ec) {
        return ec == Syndrome.EC_IABT_LOWER || ec == Syndrome.EC_IABT_SAME || ec == Syndrome.EC_PC_ALIGN
                || isDataAbort(ec);
    }
}
