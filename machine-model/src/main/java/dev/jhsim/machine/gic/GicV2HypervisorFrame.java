package dev.jhsim.machine.gic;

import dev.jhsim.machine.device.RegisterMap;

/**
 * GICH, the GICv2 virtual interface control registers of one CPU, through
 * which a hypervisor programs that CPU's {@link VirtualCpuInterface}.
 */
final class GicV2HypervisorFrame {
    /** GICH_VTR: 4 list registers, 5 preemption and 5 priority bits (GIC-400). */
    static final long VTR = 3 | 4 << 26 | 4L << 29;
    private static final long LR0 = 0x100;

    private GicV2HypervisorFrame() {
    }

    static RegisterMap create(VirtualCpuInterface v, long size) {
        RegisterMap map = new RegisterMap(size);
        map.reg32(0x00, () -> IrqRegisters.u32(v.hcr()), v::setHcr);
        map.reg32(0x04, () -> VTR);
        map.reg32(0x08, v::vmcr, v::setVmcr);
        map.reg32(0x10, v::misr);
        map.reg32(0x20, v::eisr);
        map.reg32(0x24, () -> 0);
        map.reg32(0x30, v::elrsr);
        map.reg32(0x34, () -> 0);
        map.reg32(0xF0, v::allActivePriorities, v::setAllActivePriorities);
        map.array32(LR0, VirtualCpuInterface.LIST_REGISTERS, v::listRegister, v::setListRegister);
        return map;
    }
}
