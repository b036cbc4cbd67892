package dev.jhsim.hypervisor.arm64;

import static dev.jhsim.hypervisor.arm64.GicRegisters.DEFAULT_PRIORITY_MASK;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICC_CTLR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICC_CTLR_ENABLE_GRP0;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICC_CTLR_EOIMODE;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICC_DIR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICC_EOIR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICC_IAR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICC_PMR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_CPENDSGIR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_CTLR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ICACTIVER;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ICENABLER;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_IIDR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ISACTIVER;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ISENABLER;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ISPENDR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ITARGETSR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_SGIR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_SPENDSGIR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_TYPER;

import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.config.model.PlatformInfo;
import dev.jhsim.hypervisor.core.Cell;
import dev.jhsim.hypervisor.core.HypervisorError;
import dev.jhsim.hypervisor.core.Jailhouse;
import dev.jhsim.hypervisor.core.MmioAccess;
import dev.jhsim.hypervisor.core.MmioHandler;
import dev.jhsim.hypervisor.core.PerCpu;
import dev.jhsim.hypervisor.core.PhysicalMemory;
import dev.jhsim.hypervisor.driver.Errno;

/**
 * The GICv2 driver ({@code arm-common/gic-v2.c}): distributor, CPU
 * interface (GICC) and hypervisor interface (GICH) by MMIO, the banked
 * frames accessed as the CPU concerned. Cells get the virtual CPU
 * interface (GICV) mapped where they expect GICC; their virtual interrupts
 * are group 0, as upstream injects them. SGIs go through the emulated
 * GICD_SGIR, SPI targets through ITARGETSR, both kept inside the cell.
 */
final class GicV2 implements GicDriver {
    private static final long DISTRIBUTOR_SIZE = 0x1000;
    private static final long GICC_SIZE = 0x2000;
    private static final long GICH_SIZE = 0x2000;
    private static final int MAX_CPUS = 8;

    private static final int GICD_PIDR2 = 0xFE8;


    private static final int GICH_HCR = 0x000;
    private static final int GICH_VTR = 0x004;
    private static final int GICH_VMCR = 0x008;
    private static final int GICH_ELSR0 = 0x030;
    private static final int GICH_APR = 0x0F0;
    private static final int GICH_LR = 0x100;
    private static final long GICH_HCR_EN = 1;
    private static final long GICH_HCR_UIE = 1 << 1;
    private static final long GICH_VMCR_EN0 = 1;
    private static final long GICH_VMCR_EOIMODE = 1 << 9;
    private static final int GICH_VMCR_PMR_SHIFT = 27;
    private static final int GICV_PMR_SHIFT = 3;
    private static final long GICH_LR_HW = 1L << 31;
    private static final long GICH_LR_PENDING = 1L << 28;
    private static final int GICH_LR_ID_SHIFT = 10;
    private static final long GICH_LR_VIRTUAL_ID = 0x3FF;

    private final Jailhouse hv;
    private final Irqchip irqchip;
    private final PhysicalMemory memory;
    private final long gicd;
    private final long gicc;
    private final long gich;
    private final long gicv;
    private final int maintenanceIrq;
    /** The GIC's CPU interface bit of each logical CPU (from the banked ITARGETSR0). */
    private final int[] targets = new int[MAX_CPUS];
    private final boolean[] initialised = new boolean[MAX_CPUS];
    private int listRegisters;

    GicV2(Jailhouse hv, Irqchip irqchip) {
        this.hv = hv;
        this.irqchip = irqchip;
        this.memory = hv.memory();
        PlatformInfo.ArmPlatform arm = hv.system().platform().arm();
        this.gicd = arm.gicdBase();
        this.gicc = arm.giccBase();
        this.gich = arm.gichBase();
        this.gicv = arm.gicvBase();
        this.maintenanceIrq = arm.maintenanceIrq();
    }

    @Override
    public long distributorSize() {
        return DISTRIBUTOR_SIZE;
    }

    @Override
    public void init() {
        long pidr2 = memory.mmioRead(0, gicd + GICD_PIDR2, 4);
        if ((pidr2 >> 4 & 0xF) != 2) {
            throw HypervisorError.of(Errno.ENODEV, "no GICv2 distributor at 0x%x (PIDR2 0x%x)", gicd, pidr2);
        }
        hv.remapPool().alloc(Jailhouse.pages(GICC_SIZE));
        hv.remapPool().alloc(Jailhouse.pages(GICH_SIZE));
    }

    @Override
    public void cpuInit(PerCpu cpu) {
        if (cpu.id() >= MAX_CPUS) {
            throw HypervisorError.of(Errno.EINVAL, "CPU %d: a GICv2 serves at most %d CPUs", cpu.id(), MAX_CPUS);
        }
        targets[cpu.id()] = (int) read(cpu, gicd + GICD_ITARGETSR) & 0xFF;
        if (targets[cpu.id()] == 0) {
            throw HypervisorError.of(Errno.ENODEV, "CPU %d has no GICv2 CPU interface", cpu.id());
        }
        write(cpu, gicd + GICD_ISENABLER, 0xFFFF | 1L << maintenanceIrq);
        long ctlr = read(cpu, gicc + GICC_CTLR);
        long pmr = read(cpu, gicc + GICC_PMR);
        write(cpu, gicc + GICC_CTLR, GICC_CTLR_ENABLE_GRP0 | GICC_CTLR_EOIMODE);
        write(cpu, gicc + GICC_PMR, DEFAULT_PRIORITY_MASK);
        listRegisters = (int) (read(cpu, gich + GICH_VTR) & 0x3F) + 1;
        // VMCR holds 5 priority bits; the cell's interrupts are group 0, seen as IRQs.
        long vmcr = (pmr >> GICV_PMR_SHIFT) << GICH_VMCR_PMR_SHIFT;
        if ((ctlr & GICC_CTLR_ENABLE_GRP0) != 0) {
            vmcr |= GICH_VMCR_EN0;
        }
        if ((ctlr & GICC_CTLR_EOIMODE) != 0) {
            vmcr |= GICH_VMCR_EOIMODE;
        }
        write(cpu, gich + GICH_VMCR, vmcr);
        write(cpu, gich + GICH_HCR, GICH_HCR_EN);
        clearListRegisters(cpu);
        initialised[cpu.id()] = true;
        write(cpu, gicd + GICD_ICACTIVER, read(cpu, gicd + GICD_ISACTIVER) & 0xFFFF);
        // SGIs Linux had pending become virtual ones for it.
        for (int sgi = 0; sgi < 16; sgi++) {
            if (memory.mmioRead(cpu.id(), gicd + GICD_CPENDSGIR + sgi, 1) != 0) {
                write(cpu, gicd + GICD_CPENDSGIR + (sgi & ~3), 0xFFL << (8 * (sgi % 4)));
                if (inject(cpu, sgi, cpu.id()) == BUSY) {
                    cpu.pendingIrqs().add(sgi, cpu.id());
                }
            }
        }
    }

    private void clearListRegisters(PerCpu cpu) {
        for (int n = 0; n < listRegisters; n++) {
            write(cpu, gich + GICH_LR + 4L * n, 0);
        }
        write(cpu, gich + GICH_APR, 0);
    }

    @Override
    public void cpuReset(PerCpu cpu) {
        clearListRegisters(cpu);
        write(cpu, gicd + GICD_ISENABLER, 0xFFFF | 1L << maintenanceIrq);
        write(cpu, gicd + GICD_ICENABLER, 0xFFFF_0000L & ~(1L << maintenanceIrq));
        write(cpu, gicd + GICD_ICACTIVER, 0xFFFF_0000L);
        write(cpu, gich + GICH_VMCR, 0);
    }

    @Override
    public boolean cpuShutdown(PerCpu cpu) {
        if (cpu.id() >= MAX_CPUS || !initialised[cpu.id()]) {
            return false;
        }
        write(cpu, gich + GICH_HCR, 0);
        write(cpu, gicd + GICD_ICENABLER, 1L << maintenanceIrq);
        long vmcr = read(cpu, gich + GICH_VMCR);
        long ctlr = ((vmcr & GICH_VMCR_EN0) != 0 ? GICC_CTLR_ENABLE_GRP0 : 0)
                | ((vmcr & GICH_VMCR_EOIMODE) != 0 ? GICC_CTLR_EOIMODE : 0);
        write(cpu, gicc + GICC_CTLR, ctlr);
        write(cpu, gicc + GICC_PMR, (vmcr >>> GICH_VMCR_PMR_SHIFT) << GICV_PMR_SHIFT);
        return true;
    }

    /** The cell finds the virtual CPU interface where the CPU interface is. */
    @Override
    public void cellInit(Cell cell) {
        hv.arch().mapMemoryRegion(cell, virtualInterface());
    }

    @Override
    public void cellExit(Cell cell) {
        hv.arch().unmapMemoryRegion(cell, virtualInterface());
    }

    private MemoryRegion virtualInterface() {
        return new MemoryRegion(gicv, gicc, GICC_SIZE, MemoryRegion.READ | MemoryRegion.WRITE | MemoryRegion.IO
                | MemoryRegion.NO_HUGEPAGES);
    }

    @Override
    public void adjustTarget(Cell cell, int irq) {
        long register = gicd + GICD_ITARGETSR + (irq & ~3);
        long word = memory.mmioRead(0, register, 4);
        int shift = irq % 4 * 8;
        if (targetsInCell(cell, (int) (word >> shift) & 0xFF)) {
            return;
        }
        word = word & ~(0xFFL << shift) | (long) targets[cell.firstCpu()] << shift;
        memory.mmioWrite(0, register, 4, word);
    }

    /** Whether every CPU interface in {@code bits} belongs to a CPU of {@code cell}. */
    private boolean targetsInCell(Cell cell, int bits) {
        for (int cpu = 0; cpu < MAX_CPUS; cpu++) {
            if ((bits & targets[cpu]) != 0 && hv.cpu(cpu).cell() != cell) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void sendSgi(PerCpu sender, PerCpu target, int sgi) {
        write(sender, gicd + GICD_SGIR, (long) targets[target.id()] << 16 | sgi & 0xF);
    }

    @Override
    public int inject(PerCpu cpu, int irq, int sender) {
        long free = read(cpu, gich + GICH_ELSR0) | read(cpu, gich + GICH_ELSR0 + 4) << 32;
        int target = -1;
        for (int n = 0; n < listRegisters; n++) {
            if ((free >> n & 1) != 0) {
                if (target < 0) {
                    target = n;
                }
            } else if ((read(cpu, gich + GICH_LR + 4L * n) & GICH_LR_VIRTUAL_ID) == irq) {
                return EXISTS;
            }
        }
        if (target < 0) {
            return BUSY;
        }
        long lr = irq | GICH_LR_PENDING;
        lr |= irq < 16 ? (long) (sender & 7) << GICH_LR_ID_SHIFT : GICH_LR_HW | (long) irq << GICH_LR_ID_SHIFT;
        write(cpu, gich + GICH_LR + 4L * target, lr);
        return 0;
    }

    @Override
    public void enableMaintenance(PerCpu cpu, boolean enable) {
        long hcr = read(cpu, gich + GICH_HCR);
        write(cpu, gich + GICH_HCR, enable ? hcr | GICH_HCR_UIE : hcr & ~GICH_HCR_UIE);
    }

    @Override
    public int takePendingVirtual(PerCpu cpu) {
        for (int n = 0; n < listRegisters; n++) {
            long lr = read(cpu, gich + GICH_LR + 4L * n);
            if ((lr & GICH_LR_PENDING) != 0) {
                write(cpu, gich + GICH_LR + 4L * n, 0);
                return (int) (lr & GICH_LR_VIRTUAL_ID);
            }
        }
        return -1;
    }

    @Override
    public void injectPhysical(PerCpu cpu, int irq) {
        if (irq < 16) {
            memory.mmioWrite(cpu.id(), gicd + GICD_SPENDSGIR + irq, 1, 1);
            return;
        }
        long mask = 1L << (irq % 32);
        write(cpu, gicd + GICD_ICACTIVER + irq / 32 * 4, mask);
        write(cpu, gicd + GICD_ISPENDR + irq / 32 * 4, mask);
    }

    @Override
    public int acknowledge(PerCpu cpu) {
        return (int) (read(cpu, gicc + GICC_IAR) & 0x3FF);
    }

    @Override
    public void endOfInterrupt(PerCpu cpu, int irq, boolean deactivate) {
        write(cpu, gicc + GICC_EOIR, irq);
        if (deactivate) {
            write(cpu, gicc + GICC_DIR, irq);
        }
    }

    /** IROUTER does not exist in GICv2. */
    @Override
    public MmioHandler.Result routeAccess(PerCpu cpu, MmioAccess access, int irq) {
        access.value = 0;
        return MmioHandler.Result.HANDLED;
    }

    /**
     * {@code gicv2_handle_irq_target}: SGIs' and PPIs' targets read through
     * (a cell learns its CPU interface numbers there); a shared interrupt's
     * byte only if the cell owns it, and written only with CPUs of the cell.
     */
    @Override
    public MmioHandler.Result targetAccess(PerCpu cpu, MmioAccess access, int irq) {
        if (irq < 32) {
            memory.perform(cpu.id(), gicd + access.address, access);
            return MmioHandler.Result.HANDLED;
        }
        int base = irq & ~3;
        int offset = irq % 4;
        long value = access.value << (8 * offset);
        long mask = 0;
        for (int n = offset; n < access.size + offset; n++) {
            if (!cpu.cell().ownsIrq(base + n)) {
                continue;
            }
            mask |= 0xFFL << (8 * n);
            if (access.isWrite && !targetsInCell(cpu.cell(), (int) (value >> (8 * n)) & 0xFF)) {
                hv.console().printf("Attempt to route IRQ%d outside of cell\n", base + n);
                return MmioHandler.Result.ERROR;
            }
        }
        long register = gicd + GICD_ITARGETSR + base;
        long current = read(cpu, register);
        if (access.isWrite) {
            write(cpu, register, value & mask | current & ~mask);
        } else {
            access.value = (current & mask) >>> (8 * offset);
        }
        return MmioHandler.Result.HANDLED;
    }

    /** GICD_SGIR sends within the cell; CTLR, TYPER, IIDR and the ID registers read through. */
    @Override
    public MmioHandler.Result otherDistributorAccess(PerCpu cpu, MmioAccess access) {
        int register = (int) access.address;
        if (register == GICD_SGIR) {
            if (access.isWrite) {
                long v = access.value;
                irqchip.sendCellSgi(cpu, (int) v & 0xF, (int) (v >> 24) & 3, (int) (v >> 16) & 0xFF, 0);
            }
            return MmioHandler.Result.HANDLED;
        }
        boolean readable = register == GICD_CTLR || register == GICD_TYPER || register == GICD_IIDR
                || register >= 0xFD0 && register <= 0xFFC;
        access.value = readable && !access.isWrite ? memory.mmioRead(cpu.id(), gicd + register, access.size) : 0;
        return MmioHandler.Result.HANDLED;
    }

    @Override
    public int cpuTarget(PerCpu cpu) {
        return targets[cpu.id()];
    }

    @Override
    public long clusterTarget(PerCpu cpu) {
        return 0;
    }

    private long read(PerCpu cpu, long address) {
        return memory.mmioRead(cpu.id(), address, 4);
    }

    private void write(PerCpu cpu, long address, long value) {
        memory.mmioWrite(cpu.id(), address, 4, value);
    }
}
