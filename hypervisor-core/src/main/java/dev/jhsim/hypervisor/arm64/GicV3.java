package dev.jhsim.hypervisor.arm64;

import static dev.jhsim.hypervisor.arm64.GicRegisters.DEFAULT_PRIORITY_MASK;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_CTLR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_CTLR_ARE_NS;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ICACTIVER;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_IIDR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_IROUTER;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ISPENDR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_TYPER;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICR_ICACTIVER0;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICR_ICENABLER0;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICR_ICFGR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICR_ICPENDR0;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICR_IPRIORITYR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICR_ISACTIVER0;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICR_ISENABLER0;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICR_ISPENDR0;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICR_WAKER;

import dev.jhsim.hypervisor.core.Cell;
import dev.jhsim.hypervisor.core.HypervisorError;
import dev.jhsim.hypervisor.core.Jailhouse;
import dev.jhsim.hypervisor.core.MmioAccess;
import dev.jhsim.hypervisor.core.MmioHandler;
import dev.jhsim.hypervisor.core.PerCpu;
import dev.jhsim.hypervisor.core.PhysicalMemory;
import dev.jhsim.hypervisor.driver.Errno;
import dev.jhsim.machine.arm64.el2.GuestState;

/**
 * The GICv3 driver ({@code arm-common/gic-v3.c}): the distributor and the
 * redistributors by MMIO, the CPU interface and the hypervisor interface
 * through ICC and ICH system registers (accessed as EL2 on the CPU
 * concerned). Cells see the redistributors through the hypervisor, each
 * cell writing only those of its own CPUs.
 */
final class GicV3 implements GicDriver {
    private static final long DISTRIBUTOR_SIZE = 0x10000;
    private static final long REDISTRIBUTOR_SIZE = 0x20000;

    private static final int GICD_PIDR2 = 0xFFE8;

    private static final int GICR_CTLR = 0x0000;
    private static final int GICR_IIDR = 0x0004;
    private static final int GICR_TYPER = 0x0008;
    private static final int GICR_STATUSR = 0x0010;
    private static final int GICR_SYNCR = 0x00C0;
    private static final int GICR_PIDR2 = 0xFFE8;
    private static final long GICR_TYPER_LAST = 1 << 4;

    private static final long ICC_CTLR_EOIMODE = 0x2;
    private static final long ICH_HCR_EN = 1;
    private static final long ICH_HCR_UIE = 1 << 1;
    private static final long ICH_VMCR_VENG1 = 1 << 1;
    private static final long ICH_VMCR_VEOIM = 1 << 9;
    private static final int ICH_VMCR_VPMR_SHIFT = 24;
    private static final long ICH_LR_PENDING = 1L << 62;
    private static final long ICH_LR_HW = 1L << 61;
    private static final long ICH_LR_GROUP = 1L << 60;
    private static final int ICC_SGIR_IRQN_SHIFT = 24;
    private static final int SGI_MASK = 1 << Irqchip.SGI_INJECT | 1 << Irqchip.SGI_EVENT;
    private static final String[] LR = {"ICH_LR0_EL2", "ICH_LR1_EL2", "ICH_LR2_EL2", "ICH_LR3_EL2",
        "ICH_LR4_EL2", "ICH_LR5_EL2", "ICH_LR6_EL2", "ICH_LR7_EL2", "ICH_LR8_EL2", "ICH_LR9_EL2",
        "ICH_LR10_EL2", "ICH_LR11_EL2", "ICH_LR12_EL2", "ICH_LR13_EL2", "ICH_LR14_EL2", "ICH_LR15_EL2"};

    private final Jailhouse hv;
    private final PhysicalMemory memory;
    private final long gicd;
    private final long gicr;
    private final int maintenanceIrq;
    private int listRegisters;
    private int lastRedistributor;

    GicV3(Jailhouse hv) {
        this.hv = hv;
        this.memory = hv.memory();
        this.gicd = hv.system().platform().arm().gicdBase();
        this.gicr = hv.system().platform().arm().gicrBase();
        this.maintenanceIrq = hv.system().platform().arm().maintenanceIrq();
    }

    @Override
    public long distributorSize() {
        return DISTRIBUTOR_SIZE;
    }

    @Override
    public void init() {
        long pidr2 = memory.mmioRead(0, gicd + GICD_PIDR2, 4);
        long arch = pidr2 >> 4 & 0xF;
        if (arch != 3 && arch != 4) {
            throw HypervisorError.of(Errno.ENODEV, "no GICv3 distributor at 0x%x (PIDR2 0x%x)", gicd, pidr2);
        }
        if ((memory.mmioRead(0, gicd + GICD_CTLR, 4) & GICD_CTLR_ARE_NS) == 0) {
            throw HypervisorError.of(Errno.EIO, "the GICv3 distributor at 0x%x does not route by affinity", gicd);
        }
        lastRedistributor = hv.system().rootCell().cpus().sizeBytes() * 8 - 1;
        while (!hv.cpuValid(lastRedistributor)) {
            lastRedistributor--;
        }
        hv.remapPool().alloc(Jailhouse.pages(REDISTRIBUTOR_SIZE * (lastRedistributor + 1)));
    }

    @Override
    public void cpuInit(PerCpu cpu) {
        long mpidr = cpu.mpidr();
        long affinity = (mpidr >> 32 & 0xFF) << 24 | (mpidr & 0xFF_FFFF);
        long address = gicr;
        long typer;
        do {
            if ((memory.mmioRead(cpu.id(), address + GICR_PIDR2, 4) >> 4 & 0xF) != 3) {
                break;
            }
            typer = memory.mmioRead(cpu.id(), address + GICR_TYPER, 8);
            if (typer >>> 32 == affinity) {
                cpu.setRedistributor(address);
                break;
            }
            address += REDISTRIBUTOR_SIZE;
        } while ((typer & GICR_TYPER_LAST) == 0);
        if (cpu.redistributor() == 0) {
            hv.console().printf("GIC: No redist found for CPU%d\n", cpu.id());
            throw HypervisorError.of(Errno.ENODEV, "no GICv3 redistributor for CPU %d (MPIDR 0x%x) from 0x%x",
                    cpu.id(), mpidr, gicr);
        }
        if ((mpidr & 0xFF) >= 16) {
            throw HypervisorError.of(Errno.EIO, "CPU %d: Aff0 %d does not fit an SGI target list", cpu.id(),
                    mpidr & 0xFF);
        }
        writeRedistributor(cpu, GICR_ISENABLER0, 0xFFFF | 1 << maintenanceIrq);
        GuestState el2 = cpu.guest();
        long ctlr = el2.readSysreg("ICC_CTLR_EL1");
        el2.writeSysreg("ICC_CTLR_EL1", ICC_CTLR_EOIMODE);
        long pmr = el2.readSysreg("ICC_PMR_EL1");
        el2.writeSysreg("ICC_PMR_EL1", DEFAULT_PRIORITY_MASK);
        long groupEnable = el2.readSysreg("ICC_IGRPEN1_EL1");
        el2.writeSysreg("ICC_IGRPEN1_EL1", 1);
        listRegisters = (int) (el2.readSysreg("ICH_VTR_EL2") & 0xF) + 1;
        clearListRegisters(el2);
        long vmcr = (pmr & 0xFF) << ICH_VMCR_VPMR_SHIFT;
        if ((groupEnable & 1) != 0) {
            vmcr |= ICH_VMCR_VENG1;
        }
        if ((ctlr & ICC_CTLR_EOIMODE) != 0) {
            vmcr |= ICH_VMCR_VEOIM;
        }
        el2.writeSysreg("ICH_VMCR_EL2", vmcr);
        el2.writeSysreg("ICH_HCR_EL2", ICH_HCR_EN);
        long active = readRedistributor(cpu, GICR_ISACTIVER0);
        writeRedistributor(cpu, GICR_ICACTIVER0, active & 0xFFFF);
        // SGIs Linux had pending become virtual ones for it.
        long pending = readRedistributor(cpu, GICR_ISPENDR0);
        for (int sgi = 0; sgi < 16; sgi++) {
            if ((pending >> sgi & 1) != 0) {
                writeRedistributor(cpu, GICR_ICPENDR0, 1L << sgi);
                if (inject(cpu, sgi, cpu.id()) == BUSY) {
                    cpu.pendingIrqs().add(sgi, cpu.id());
                }
            }
        }
    }

    private void clearListRegisters(GuestState el2) {
        for (int n = 0; n < listRegisters; n++) {
            el2.writeSysreg(LR[n], 0);
        }
        el2.writeSysreg("ICH_AP1R0_EL2", 0);
    }

    @Override
    public void cpuReset(PerCpu cpu) {
        GuestState el2 = cpu.guest();
        clearListRegisters(el2);
        writeRedistributor(cpu, GICR_ISENABLER0, 0xFFFF | 1 << maintenanceIrq);
        writeRedistributor(cpu, GICR_ICENABLER0, 0xFFFF_0000L & ~(1L << maintenanceIrq));
        writeRedistributor(cpu, GICR_ICACTIVER0, 0xFFFF_0000L);
        el2.writeSysreg("ICH_VMCR_EL2", 0);
    }

    @Override
    public boolean cpuShutdown(PerCpu cpu) {
        if (cpu.redistributor() == 0) {
            return false;
        }
        GuestState el2 = cpu.guest();
        el2.writeSysreg("ICH_HCR_EL2", 0);
        writeRedistributor(cpu, GICR_ICENABLER0, 1L << maintenanceIrq);
        long vmcr = el2.readSysreg("ICH_VMCR_EL2");
        if ((vmcr & ICH_VMCR_VEOIM) == 0) {
            el2.writeSysreg("ICC_CTLR_EL1", el2.readSysreg("ICC_CTLR_EL1") & ~ICC_CTLR_EOIMODE);
        }
        if ((vmcr & ICH_VMCR_VENG1) == 0) {
            el2.writeSysreg("ICC_IGRPEN1_EL1", el2.readSysreg("ICC_IGRPEN1_EL1") & ~1L);
        }
        return true;
    }

    /**
     * Every cell sees the redistributors of all the system's CPUs, so that
     * it can walk them to find its own.
     */
    @Override
    public void cellInit(Cell cell) {
        for (PerCpu cpu : hv.systemCpus()) {
            cell.mmio().register(cpu.redistributor(), REDISTRIBUTOR_SIZE,
                    (current, access) -> redistributorAccess(current, cpu, access));
        }
    }

    /** The redistributor handlers go with the cell. */
    @Override
    public void cellExit(Cell cell) {
    }

    @Override
    public void adjustTarget(Cell cell, int irq) {
        long router = gicd + GICD_IROUTER + 8L * irq;
        long route = memory.mmioRead(0, router, 8) & Jailhouse.MPIDR_CPUID_MASK;
        if (hv.cpuByMpidr(cell, route) == null) {
            memory.mmioWrite(0, router, 8, hv.cpu(cell.firstCpu()).mpidr());
        }
    }

    @Override
    public void sendSgi(PerCpu sender, PerCpu target, int sgi) {
        long mpidr = target.mpidr();
        long value = (mpidr >> 32 & 0xFF) << 48 | (mpidr >> 16 & 0xFF) << 32 | (mpidr >> 8 & 0xFF) << 16
                | cpuTarget(target) | (long) (sgi & 0xF) << ICC_SGIR_IRQN_SHIFT;
        sender.guest().writeSysreg("ICC_SGI1R_EL1", value);
    }

    @Override
    public int inject(PerCpu cpu, int irq, int sender) {
        GuestState el2 = cpu.guest();
        long free = el2.readSysreg("ICH_ELRSR_EL2");
        int target = -1;
        for (int n = 0; n < listRegisters; n++) {
            if ((free >> n & 1) != 0) {
                if (target < 0) {
                    target = n;
                }
            } else if ((int) el2.readSysreg(LR[n]) == irq) {
                return EXISTS;
            }
        }
        if (target < 0) {
            return BUSY;
        }
        long lr = irq | ICH_LR_GROUP | ICH_LR_PENDING;
        if (irq >= 16) {
            // Hardware-linked: the guest's deactivation deactivates the physical interrupt.
            lr |= ICH_LR_HW | (long) irq << 32;
        }
        el2.writeSysreg(LR[target], lr);
        return 0;
    }

    @Override
    public void enableMaintenance(PerCpu cpu, boolean enable) {
        GuestState el2 = cpu.guest();
        long hcr = el2.readSysreg("ICH_HCR_EL2");
        el2.writeSysreg("ICH_HCR_EL2", enable ? hcr | ICH_HCR_UIE : hcr & ~ICH_HCR_UIE);
    }

    @Override
    public int takePendingVirtual(PerCpu cpu) {
        GuestState el2 = cpu.guest();
        for (int n = 0; n < listRegisters; n++) {
            long lr = el2.readSysreg(LR[n]);
            if ((lr & ICH_LR_PENDING) != 0) {
                el2.writeSysreg(LR[n], 0);
                return (int) lr;
            }
        }
        return -1;
    }

    @Override
    public void injectPhysical(PerCpu cpu, int irq) {
        long mask = 1L << (irq % 32);
        if (irq < 32) {
            writeRedistributor(cpu, GICR_ICACTIVER0, mask);
            writeRedistributor(cpu, GICR_ISPENDR0, mask);
        } else {
            memory.mmioWrite(cpu.id(), gicd + GICD_ICACTIVER + irq / 32 * 4, 4, mask);
            memory.mmioWrite(cpu.id(), gicd + GICD_ISPENDR + irq / 32 * 4, 4, mask);
        }
    }

    @Override
    public int acknowledge(PerCpu cpu) {
        return (int) (cpu.guest().readSysreg("ICC_IAR1_EL1") & 0xFF_FFFF);
    }

    @Override
    public void endOfInterrupt(PerCpu cpu, int irq, boolean deactivate) {
        cpu.guest().writeSysreg("ICC_EOIR1_EL1", irq);
        if (deactivate) {
            cpu.guest().writeSysreg("ICC_DIR_EL1", irq);
        }
    }

    /**
     * IROUTER of a shared interrupt the cell owns: readable, and writable
     * with the affinity of one of the cell's CPUs; routing elsewhere is a
     * violation. Anything else reads as zero and ignores writes.
     */
    @Override
    public MmioHandler.Result routeAccess(PerCpu cpu, MmioAccess access, int irq) {
        if (access.size == 4 && access.address % 8 != 0 || irq < 32 || !cpu.cell().ownsIrq(irq)) {
            access.value = 0;
            return MmioHandler.Result.HANDLED;
        }
        long address = gicd + access.address;
        if (!access.isWrite) {
            access.value = memory.mmioRead(cpu.id(), gicd + GICD_IROUTER + 8L * irq, 8);
            return MmioHandler.Result.HANDLED;
        }
        if (hv.cpuByMpidr(cpu.cell(), access.value) != null
                && (access.value & ~Jailhouse.MPIDR_CPUID_MASK) == 0) {
            memory.mmioWrite(cpu.id(), address, access.size, access.value);
            return MmioHandler.Result.HANDLED;
        }
        hv.console().printf("Attempt to route IRQ%d outside of cell\n", irq);
        return MmioHandler.Result.ERROR;
    }

    /** ITARGETSR does nothing under affinity routing. */
    @Override
    public MmioHandler.Result targetAccess(PerCpu cpu, MmioAccess access, int irq) {
        access.value = 0;
        return MmioHandler.Result.HANDLED;
    }

    /** CTLR, TYPER, IIDR and the ID registers read through; everything else reads zero and ignores writes. */
    @Override
    public MmioHandler.Result otherDistributorAccess(PerCpu cpu, MmioAccess access) {
        int register = (int) access.address;
        boolean readable = register == GICD_CTLR || register == GICD_TYPER || register == GICD_IIDR
                || register >= 0xFFD0 && register <= 0xFFFC;
        access.value = readable && !access.isWrite ? memory.mmioRead(cpu.id(), gicd + register, access.size) : 0;
        return MmioHandler.Result.HANDLED;
    }

    @Override
    public int cpuTarget(PerCpu cpu) {
        return 1 << (cpu.mpidr() & 0xF);
    }

    @Override
    public long clusterTarget(PerCpu cpu) {
        return cpu.mpidr() & 0xFF_00FF_FF00L;
    }

    /**
     * A cell's access to the redistributor of {@code owner}: the
     * identification registers of any; the controls, SGI/PPI enables,
     * pending and active bits, priorities and configuration only of its own
     * CPUs, and never the hypervisor's SGIs or maintenance interrupt; the
     * rest is ignored.
     */
    private MmioHandler.Result redistributorAccess(PerCpu current, PerCpu owner, MmioAccess access) {
        int register = (int) access.address;
        switch (register) {
            case GICR_TYPER -> {
                performRedistributor(current, owner, access);
                if (owner.id() == lastRedistributor) {
                    access.value |= GICR_TYPER_LAST;
                }
                return MmioHandler.Result.HANDLED;
            }
            case GICR_TYPER + 4 -> {
                performRedistributor(current, owner, access);
                return MmioHandler.Result.HANDLED;
            }
            case GICR_SYNCR -> {
                access.value = 0;
                return MmioHandler.Result.HANDLED;
            }
            case GICR_ISENABLER0, GICR_ICENABLER0, GICR_ISPENDR0, GICR_ICPENDR0, GICR_ISACTIVER0, GICR_ICACTIVER0 -> {
                access.value &= ~(SGI_MASK | 1L << maintenanceIrq);
                return ownAccess(current, owner, access);
            }
            case GICR_CTLR, GICR_STATUSR, GICR_WAKER -> {
                return ownAccess(current, owner, access);
            }
            default -> {
                if (register == GICR_IIDR || register >= 0xFFD0 && register <= 0xFFFC) {
                    performRedistributor(current, owner, access);
                } else if (register >= GICR_IPRIORITYR && register <= GICR_IPRIORITYR + 7 * 4
                        || register >= GICR_ICFGR && register <= GICR_ICFGR + 4) {
                    return ownAccess(current, owner, access);
                } else {
                    access.value = 0;
                }
                return MmioHandler.Result.HANDLED;
            }
        }
    }

    private MmioHandler.Result ownAccess(PerCpu current, PerCpu owner, MmioAccess access) {
        if (current.cell() == owner.cell()) {
            performRedistributor(current, owner, access);
        } else if (!access.isWrite) {
            access.value = 0;
        }
        return MmioHandler.Result.HANDLED;
    }

    private void performRedistributor(PerCpu current, PerCpu owner, MmioAccess access) {
        memory.perform(current.id(), owner.redistributor() + access.address, access);
    }

    private long readRedistributor(PerCpu cpu, int register) {
        return memory.mmioRead(cpu.id(), cpu.redistributor() + register, 4);
    }

    private void writeRedistributor(PerCpu cpu, int register, long value) {
        memory.mmioWrite(cpu.id(), cpu.redistributor() + register, 4, value);
    }
}
