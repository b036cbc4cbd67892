package dev.jhsim.hypervisor.arm64;

import dev.jhsim.hypervisor.core.CpuStats;
import dev.jhsim.hypervisor.core.Jailhouse;
import dev.jhsim.hypervisor.core.MmioAccess;
import dev.jhsim.hypervisor.core.MmioHandler;
import dev.jhsim.hypervisor.core.PerCpu;
import dev.jhsim.machine.arm64.el2.Esr;
import dev.jhsim.machine.arm64.el2.GuestState;

/**
 * Stage-2 data aborts ({@code arch/arm64/mmio.c}): an access outside what
 * stage 2 maps for the cell, emulated by the cell's MMIO region covering
 * it, or a violation. Only single-register accesses can be emulated (the
 * syndrome must describe them); a fault on a stage-1 table walk, an
 * external abort or a cache maintenance operation is not emulated either.
 */
final class DataAborts {
    private static final int ISS_S1PTW = 1 << 7;
    private static final int ISS_CM = 1 << 8;
    private static final int ISS_EA = 1 << 9;

    private final Jailhouse hv;

    DataAborts(Jailhouse hv) {
        this.hv = hv;
    }

    Traps.Result handle(PerCpu cpu, GuestState guest) {
        long esr = guest.esr();
        long address = guest.faultIpa();
        int size = Esr.accessSize(esr);
        boolean write = Esr.write(esr);
        cpu.count(CpuStats.VMEXITS_MMIO);
        if (Esr.isv(esr) && (esr & (ISS_S1PTW | ISS_CM | ISS_EA)) == 0) {
            MmioAccess access = cpu.mmio();
            access.set(address, size, write, write ? guest.storedValue() : 0);
            MmioHandler.Result result = cpu.cell().mmio().dispatch(cpu, access);
            if (result == MmioHandler.Result.ERROR) {
                return Traps.Result.FORBIDDEN;
            }
            if (result == MmioHandler.Result.HANDLED) {
                if (write) {
                    guest.skipInstruction();
                } else {
                    guest.completeLoad(access.value);
                }
                return Traps.Result.HANDLED;
            }
        }
        hv.console().printf("Unhandled data %s at 0x%x(%d)\n", write ? "write" : "read", address, size);
        return Traps.Result.UNHANDLED;
    }
}
