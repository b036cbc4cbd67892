package dev.jhsim.hypervisor.arm64;

import dev.jhsim.config.model.IommuUnit;
import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.config.model.PlatformInfo;
import dev.jhsim.hypervisor.core.Arch;
import dev.jhsim.hypervisor.core.Cell;
import dev.jhsim.hypervisor.core.CommRegion;
import dev.jhsim.hypervisor.core.Control;
import dev.jhsim.hypervisor.core.HypervisorError;
import dev.jhsim.hypervisor.core.Jailhouse;
import dev.jhsim.hypervisor.core.PerCpu;
import dev.jhsim.hypervisor.core.Unit;
import dev.jhsim.hypervisor.driver.Errno;
import dev.jhsim.machine.arm64.Hcr;
import dev.jhsim.machine.arm64.el2.GuestState;
import dev.jhsim.machine.arm64.el2.Hypervisor;
import java.util.List;

/**
 * The arm64 architecture ({@code arch/arm64} and {@code arch/arm-common}):
 * the EL2 configuration of each CPU, stage-2 tables per cell, parking and
 * starting CPUs, and the units (interrupt controller, then the IOMMU units
 * upstream's arm64 build has).
 *
 * <p>A parked CPU is halted: it executes nothing until a cell start or a
 * PSCI CPU_ON resets it. Upstream lets it spin in a WFI loop behind a
 * parking page table, which has the same effect on the guest.
 */
public final class Arm64 implements Arch {
    /** HCR_EL2 for guests: stage 2, interrupts and SMCs to EL2, ACTLR trapped, AArch64. */
    private static final long HCR = Hcr.VM | Hcr.IMO | Hcr.FMO | Hcr.TSC | Hcr.TACR | Hcr.RW;

    private static final int PARANGE_44_BITS = 4;
    private static final int PARANGE_48_BITS = 5;
    private static final int MAX_VMID = 0xFF;

    private final Jailhouse hv;
    private final Irqchip irqchip;
    private final List<Unit> units;
    private PageTables tables;
    private long vtcr;

    public Arm64(Jailhouse hv) {
        this.hv = hv;
        this.irqchip = new Irqchip(hv);
        this.units = List.of(irqchip, new IommuUnits("ARM SMMU v3", IommuUnit.TYPE_SMMUV3, hv),
                new IommuUnits("ARM SMMU", IommuUnit.TYPE_ARM_MMU500, hv),
                new IommuUnits("PVU IOMMU", IommuUnit.TYPE_PVU, hv));
    }

    @Override
    public Hypervisor trapHandler(Control control) {
        return new Traps(hv, control, irqchip);
    }

    /**
     * The root cell's stage-2 root table. Stage 2 matches the CPUs'
     * physical address range (44 bits on the modelled cores: four levels
     * from level 0, one root page).
     */
    @Override
    public void initEarly() {
        long parange = Math.min(hv.machine().guest(0).readSysreg("ID_AA64MMFR0_EL1") & 0xF, PARANGE_48_BITS);
        if (parange < PARANGE_44_BITS) {
            throw HypervisorError.of(Errno.EINVAL, "CPUs with PARange %d: jhsim's stage 2 starts at level 0 and needs"
                    + " a 44-bit physical address range", parange);
        }
        int bits = parange == PARANGE_44_BITS ? 44 : 48;
        // T0SZ, level-0 start, write-back cacheable inner shareable walks, PS, RES1.
        vtcr = (64 - bits) | 2L << 6 | 1L << 8 | 1L << 10 | 3L << 12 | parange << 16 | 1L << 31;
        tables = new PageTables(hv.memory(), hv.memPool());
        hv.root().setTableRoot(hv.memPool().allocAligned(1));
    }

    @Override
    public void cpuInit(PerCpu cpu) {
        GuestState el2 = cpu.guest();
        el2.writeSysreg("VTCR_EL2", vtcr);
        useTables(cpu, cpu.cell());
        irqchip.cpuInit(cpu);
        el2.setHcr(HCR);
    }

    @Override
    public List<Unit> units() {
        return units;
    }

    @Override
    public void triggerInterrupt(int irq) {
        irqchip.triggerExternal(irq);
    }

    /**
     * {@code arch_map_memory_region}: read and write permissions from the
     * region, device or normal memory, everything executable (as upstream);
     * the communication region maps the cell's communication page.
     */
    @Override
    public void mapMemoryRegion(Cell cell, MemoryRegion region) {
        long flags = PageTables.VALID | PageTables.ACCESS_FLAG
                | (region.has(MemoryRegion.READ) ? PageTables.S2_READ : 0)
                | (region.has(MemoryRegion.WRITE) ? PageTables.S2_WRITE : 0)
                | (region.has(MemoryRegion.IO) ? PageTables.S2_DEVICE : PageTables.S2_NORMAL);
        long phys = region.has(MemoryRegion.COMM_REGION) ? cell.comm().page() : region.physStart();
        tables.create(cell.tableRoot(), phys, region.size(), region.virtStart(), flags,
                !region.has(MemoryRegion.NO_HUGEPAGES));
    }

    @Override
    public void unmapMemoryRegion(Cell cell, MemoryRegion region) {
        tables.destroy(cell.tableRoot(), region.virtStart(), region.size());
    }

    /** {@code arm_paging_cell_init}: the cell ID is its VMID. */
    @Override
    public void cellCreate(Cell cell) {
        if (cell.id() > MAX_VMID) {
            throw HypervisorError.of(Errno.E2BIG, "cell ID %d does not fit the 8-bit VMID", cell.id());
        }
        cell.setTableRoot(hv.memPool().allocAligned(1));
    }

    /** {@code arch_cell_reset}: the first CPU starts at the reset address, the others wait for CPU_ON. */
    @Override
    public void cellReset(Cell cell) {
        int first = cell.firstCpu();
        for (int cpu = first; cpu >= 0; cpu = cell.cpus().nextSetBit(cpu + 1)) {
            hv.cpu(cpu).setCpuOn(cpu == first ? cell.config().cpuResetAddress() : PerCpu.INVALID_ADDRESS, 0);
        }
        irqchip.cellReset(cell);
    }

    @Override
    public void cellDestroy(Cell cell) {
        for (int cpu = cell.firstCpu(); cpu >= 0; cpu = cell.cpus().nextSetBit(cpu + 1)) {
            hv.cpu(cpu).setCpuOn(PerCpu.INVALID_ADDRESS, 0);
        }
        hv.memPool().free(cell.tableRoot(), 1);
    }

    /** Stale stage-2 translations of the cell's VMID dropped on every CPU. */
    @Override
    public void flushCellVcpuCaches(Cell cell) {
        GuestState el2 = hv.machine().guest(0);
        long vttbr = el2.readSysreg("VTTBR_EL2");
        el2.writeSysreg("VTTBR_EL2", (long) cell.id() << 48);
        el2.writeSysreg("TLBI VMALLS12E1IS", 0);
        el2.writeSysreg("VTTBR_EL2", vttbr);
    }

    @Override
    public void configCommit(Cell cellAddedRemoved) {
        irqchip.configCommit(cellAddedRemoved);
    }

    /** {@code arm_cpu_park}: off for PSCI, its state wiped, halted. */
    @Override
    public void parkCpu(PerCpu cpu) {
        cpu.setWaitForPowerOn(true);
        resetState(cpu, 0);
        cpu.guest().cpu().halt("parked by the hypervisor");
    }

    @Override
    public void resetCpu(PerCpu cpu) {
        if (cpu.cpuOnEntry() == PerCpu.INVALID_ADDRESS) {
            parkCpu(cpu);
            return;
        }
        cpu.setWaitForPowerOn(false);
        resetState(cpu, cpu.cpuOnEntry());
    }

    /**
     * {@code arm_cpu_reset}: EL0/EL1 state and timers wiped, AArch64 at
     * {@code entry} with the CPU_ON context in X1 (where upstream passes
     * it), the cell's stage 2, the interrupt interface reset.
     */
    private void resetState(PerCpu cpu, long entry) {
        GuestState el2 = cpu.guest();
        el2.resetTo(entry);
        el2.setX(1, cpu.cpuOnContext());
        for (String timer : new String[] {"CNTP", "CNTV"}) {
            el2.writeSysreg(timer + "_CTL_EL0", 0);
            el2.writeSysreg(timer + "_CVAL_EL0", 0);
        }
        el2.setHcr(el2.hcr() | Hcr.RW);
        useTables(cpu, cpu.cell());
        irqchip.cpuReset(cpu);
    }

    /** {@code arm_paging_vcpu_init}: the cell's tables and VMID, its old translations dropped. */
    private void useTables(PerCpu cpu, Cell cell) {
        GuestState el2 = cpu.guest();
        el2.writeSysreg("VTTBR_EL2", (long) cell.id() << 48 | cell.tableRoot());
        el2.writeSysreg("TLBI VMALLS12E1IS", 0);
    }

    /** {@code arch_shutdown_self}: the interface back to Linux, stage 2 and traps off. */
    @Override
    public void shutdownCpu(PerCpu cpu) {
        irqchip.cpuShutdown(cpu);
        GuestState el2 = cpu.guest();
        el2.setHcr(Hcr.RW);
        el2.writeSysreg("TLBI VMALLS12E1IS", 0);
        el2.writeSysreg("VTTBR_EL2", 0);
        el2.writeSysreg("VTCR_EL2", 1L << 31);
    }

    @Override
    public CommRegion.GicInfo gicInfo() {
        PlatformInfo.ArmPlatform arm = hv.system().platform().arm();
        return new CommRegion.GicInfo(arm.gicVersion(), arm.gicdBase(), arm.giccBase(), arm.gicrBase());
    }
}
