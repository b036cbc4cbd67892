package dev.jhsim.hypervisor.arm64;

import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ICACTIVER;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ICENABLER;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ICFGR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_IGROUPR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_IPRIORITYR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_IROUTER;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ISENABLER;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ISPENDR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ITARGETSR;

import dev.jhsim.config.model.IrqChip;
import dev.jhsim.config.model.PlatformInfo;
import dev.jhsim.hypervisor.core.Cell;
import dev.jhsim.hypervisor.core.CpuStats;
import dev.jhsim.hypervisor.core.HypervisorError;
import dev.jhsim.hypervisor.core.Jailhouse;
import dev.jhsim.hypervisor.core.MmioAccess;
import dev.jhsim.hypervisor.core.MmioHandler;
import dev.jhsim.hypervisor.core.PendingIrqs;
import dev.jhsim.hypervisor.core.PerCpu;
import dev.jhsim.hypervisor.core.Unit;
import dev.jhsim.hypervisor.driver.Errno;

/**
 * The interrupt controller unit ({@code arm-common/irqchip.c}): which cell
 * owns which interrupt (from the configurations' irqchip pin bitmaps; SGIs
 * and PPIs belong to every cell but the two SGIs and the maintenance
 * interrupt the hypervisor uses), the emulated distributor that lets a cell
 * touch only its own interrupts, physical interrupts taken at EL2 and handed
 * to the owning CPU through list registers, and SGIs within a cell.
 */
final class Irqchip implements Unit {
    /** The SGI that tells a CPU to look at its queue of interrupts to inject. */
    static final int SGI_INJECT = 0;
    /** The SGI upstream uses for management events (jhsim handles those as direct calls). */
    static final int SGI_EVENT = 1;
    private static final int SPURIOUS = 0x3FF;


    private final Jailhouse hv;
    private final long gicd;
    private final int maintenanceIrq;
    private GicDriver gic;

    Irqchip(Jailhouse hv) {
        this.hv = hv;
        PlatformInfo.ArmPlatform arm = hv.system().platform().arm();
        this.gicd = arm.gicdBase();
        this.maintenanceIrq = arm.maintenanceIrq();
    }

    @Override
    public String name() {
        return "irqchip";
    }

    /** {@code irqchip_cpu_init}: the first CPU also picks the driver for the configured GIC and probes it. */
    void cpuInit(PerCpu cpu) {
        if (gic == null) {
            int version = hv.system().platform().arm().gicVersion();
            GicDriver driver = switch (version) {
                case 2 -> new GicV2(hv, this);
                case 3 -> new GicV3(hv);
                default -> throw HypervisorError.of(Errno.EINVAL, "gic_version %d: neither 2 nor 3", version);
            };
            hv.remapPool().alloc(Jailhouse.pages(driver.distributorSize()));
            driver.init();
            gic = driver;
        }
        gic.cpuInit(cpu);
    }

    @Override
    public void init() {
        cellInit(hv.root());
    }

    /**
     * {@code irqchip_cell_init}: the cell's interrupts from its pin bitmaps,
     * which it takes from the root cell; the distributor emulated for it.
     */
    @Override
    public void cellInit(Cell cell) {
        int[] bitmap = new int[Cell.IRQ_BITMAP_WORDS];
        for (IrqChip chip : cell.config().irqchips()) {
            if (chip.address() != gicd) {
                continue;
            }
            if (chip.pinBase() % 32 != 0 || chip.pinBase() + 32L * IrqChip.BITMAP_WORDS > 32L * bitmap.length) {
                throw HypervisorError.of(Errno.EINVAL, "irqchip pin_base %d: must be a multiple of 32 below %d",
                        chip.pinBase(), 32 * bitmap.length - 32 * IrqChip.BITMAP_WORDS);
            }
            for (int word = 0; word < IrqChip.BITMAP_WORDS; word++) {
                bitmap[(int) chip.pinBase() / 32 + word] |= chip.pinBitmap().get(word).intValue();
            }
        }
        bitmap[0] = ~(1 << SGI_INJECT | 1 << SGI_EVENT | 1 << maintenanceIrq);
        if (cell != hv.root()) {
            checkOwnedByRoot(bitmap);
        }
        System.arraycopy(bitmap, 0, cell.irqBitmap(), 0, bitmap.length);
        gic.cellInit(cell);
        cell.mmio().register(gicd, gic.distributorSize(), this::distributorAccess);
        if (cell != hv.root()) {
            int[] root = hv.root().irqBitmap();
            for (int word = 1; word < bitmap.length; word++) {
                root[word] &= ~bitmap[word];
            }
        }
    }

    /** A non-root cell takes shared interrupts from the root cell: each must still be the root cell's. */
    private void checkOwnedByRoot(int[] bitmap) {
        int[] root = hv.root().irqBitmap();
        for (int word = 1; word < bitmap.length; word++) {
            int missing = bitmap[word] & ~root[word];
            if (missing != 0) {
                int irq = word * 32 + Integer.numberOfTrailingZeros(missing);
                throw HypervisorError.of(Errno.EBUSY, "interrupt %d does not belong to the root cell", irq);
            }
        }
    }

    /** {@code irqchip_cell_exit}: the cell's shared interrupts masked and returned to the root cell. */
    @Override
    public void cellExit(Cell cell) {
        if (gic == null) {
            return;
        }
        cellReset(cell);
        int[] root = hv.root().irqBitmap();
        int[] mine = cell.irqBitmap();
        int[] configured = new int[Cell.IRQ_BITMAP_WORDS];
        for (IrqChip chip : hv.root().config().irqchips()) {
            if (chip.address() == gicd) {
                for (int word = 0; word < IrqChip.BITMAP_WORDS; word++) {
                    configured[(int) chip.pinBase() / 32 + word] |= chip.pinBitmap().get(word).intValue();
                }
            }
        }
        for (int word = 1; word < root.length; word++) {
            root[word] = (root[word] | mine[word]) & configured[word];
        }
        gic.cellExit(cell);
    }

    @Override
    public void shutdown() {
        // Nothing global to undo: each CPU's interface is restored by cpuShutdown.
    }

    /** {@code irqchip_cell_reset}: every shared interrupt of the cell masked and deactivated. */
    void cellReset(Cell cell) {
        int[] bitmap = cell.irqBitmap();
        for (int word = 1; word < bitmap.length; word++) {
            writeGicd(GICD_ICENABLER + word * 4, bitmap[word]);
            writeGicd(GICD_ICACTIVER + word * 4, bitmap[word]);
        }
    }

    /** {@code irqchip_config_commit}: shared interrupts routed to CPUs of the cell owning them. */
    void configCommit(Cell cellAddedRemoved) {
        if (cellAddedRemoved == null) {
            return;
        }
        for (int irq = 32; irq < Cell.IRQ_BITMAP_WORDS * 32; irq++) {
            if (cellAddedRemoved != hv.root() && cellAddedRemoved.ownsIrq(irq)) {
                gic.adjustTarget(cellAddedRemoved, irq);
            }
            if (hv.root().ownsIrq(irq)) {
                gic.adjustTarget(hv.root(), irq);
            }
        }
    }

    // ---- physical interrupts at EL2 ----

    /** {@code irqchip_handle_irq}: everything pending for this CPU, the first event counted. */
    void handleIrq(PerCpu cpu) {
        int count = 1;
        while (true) {
            int irq = gic.acknowledge(cpu);
            if (irq == SPURIOUS) {
                return;
            }
            boolean handled;
            if (irq < 16) {
                handleSgi(cpu, irq, count);
                handled = true;
            } else {
                handled = handlePhysical(cpu, irq, count);
            }
            count = 0;
            // A forwarded interrupt stays active until the guest deactivates it through the list register.
            gic.endOfInterrupt(cpu, irq, handled);
        }
    }

    private void handleSgi(PerCpu cpu, int sgi, int count) {
        if (sgi == SGI_INJECT) {
            cpu.count(CpuStats.VMEXITS_VSGI, count);
            injectPending(cpu);
        } else {
            hv.console().printf("WARN: unknown SGI received %d\n", sgi);
        }
    }

    private boolean handlePhysical(PerCpu cpu, int irq, int count) {
        if (irq == maintenanceIrq) {
            cpu.count(CpuStats.VMEXITS_MAINTENANCE, count);
            injectPending(cpu);
            return true;
        }
        cpu.count(CpuStats.VMEXITS_VIRQ, count);
        setPending(cpu, cpu, irq);
        return false;
    }

    /**
     * {@code irqchip_set_pending}: injects {@code irq} into {@code target}
     * right away if it is the current CPU and a list register is free,
     * otherwise queues it and asks for a maintenance interrupt (current CPU)
     * or sends the target SGI_INJECT.
     */
    void setPending(PerCpu current, PerCpu target, int irq) {
        if (target == current && gic.inject(target, irq, current.id()) != GicDriver.BUSY) {
            return;
        }
        target.pendingIrqs().add(irq, current.id());
        if (target == current) {
            gic.enableMaintenance(target, true);
        } else {
            gic.sendSgi(current, target, SGI_INJECT);
        }
    }

    /** {@code irqchip_inject_pending}: the queue into free list registers. */
    private void injectPending(PerCpu cpu) {
        PendingIrqs pending = cpu.pendingIrqs();
        while (!pending.isEmpty()) {
            if (gic.inject(cpu, pending.headIrq(), pending.headSender()) == GicDriver.BUSY) {
                gic.enableMaintenance(cpu, true);
                return;
            }
            pending.removeHead();
        }
        gic.enableMaintenance(cpu, false);
    }

    /** {@code irqchip_trigger_external_irq}: a shared interrupt made pending at the distributor. */
    void triggerExternal(int irq) {
        writeGicd(GICD_ISPENDR + irq / 32 * 4, 1 << (irq % 32));
    }

    /** {@code gic_handle_sgir_write}: an SGI a cell sends, delivered only to CPUs of that cell. */
    void sendCellSgi(PerCpu sender, int sgi, int routingMode, int targets, long cluster) {
        Cell cell = sender.cell();
        if (routingMode == 2) {
            setPending(sender, sender, sgi);
            return;
        }
        for (int c = cell.firstCpu(); c >= 0; c = cell.cpus().nextSetBit(c + 1)) {
            PerCpu target = hv.cpu(c);
            if (routingMode == 1 ? target == sender
                    : gic.clusterTarget(target) != cluster || (targets & gic.cpuTarget(target)) == 0) {
                continue;
            }
            setPending(sender, target, sgi);
        }
    }

    /** {@code irqchip_cpu_reset}: the queue emptied, the CPU interface reset. */
    void cpuReset(PerCpu cpu) {
        cpu.pendingIrqs().clear();
        gic.cpuReset(cpu);
    }

    /** {@code irqchip_cpu_shutdown}: the interface back to Linux, interrupts still waiting made physical again. */
    void cpuShutdown(PerCpu cpu) {
        if (gic == null || !gic.cpuShutdown(cpu)) {
            return;
        }
        for (int irq = gic.takePendingVirtual(cpu); irq >= 0; irq = gic.takePendingVirtual(cpu)) {
            gic.injectPhysical(cpu, irq);
        }
        PendingIrqs pending = cpu.pendingIrqs();
        while (!pending.isEmpty()) {
            gic.injectPhysical(cpu, pending.headIrq());
            pending.removeHead();
        }
    }

    // ---- the emulated distributor ----

    private MmioHandler.Result distributorAccess(PerCpu cpu, MmioAccess access) {
        int register = (int) access.address;
        if (register >= GICD_IROUTER && register <= GICD_IROUTER + 1023 * 8) {
            return gic.routeAccess(cpu, access, (register - GICD_IROUTER) / 8);
        }
        if (register >= GICD_ITARGETSR && register <= GICD_ITARGETSR + 1023) {
            return gic.targetAccess(cpu, access, register - GICD_ITARGETSR);
        }
        if (register >= GICD_ISENABLER && register < GICD_IPRIORITYR) {
            return restrictedAccess(cpu, access, (register & 0x7F) / 4, 1, true);
        }
        if (register >= GICD_IGROUPR && register < GICD_ISENABLER) {
            return restrictedAccess(cpu, access, (register & 0x7F) / 4, 1, false);
        }
        if (register >= GICD_ICFGR && register <= GICD_ICFGR + 63 * 4) {
            return restrictedAccess(cpu, access, (register & 0xFF) / 4, 2, false);
        }
        if (register >= GICD_IPRIORITYR && register <= GICD_IPRIORITYR + 254 * 4) {
            return restrictedAccess(cpu, access, (register & 0x3FF) / 4, 8, false);
        }
        return gic.otherDistributorAccess(cpu, access);
    }

    /**
     * {@code restrict_bitmask_access}: a register with {@code bitsPerIrq}
     * bits per interrupt, of which the cell may read and change only those
     * of its own interrupts. Set/clear registers ("poke") are written with
     * the other bits zero; the others are read, merged and written back.
     */
    private MmioHandler.Result restrictedAccess(PerCpu cpu, MmioAccess access, int index, int bitsPerIrq,
            boolean poke) {
        int irqsPerRegister = 32 / bitsPerIrq;
        int firstIrq = index * irqsPerRegister;
        long irqBits = (1L << bitsPerIrq) - 1;
        long mask = 0;
        for (int irq = 0; irq < irqsPerRegister; irq++) {
            if (cpu.cell().ownsIrq(firstIrq + irq)) {
                mask |= irqBits << (irq * bitsPerIrq);
            }
        }
        // The bits of the bytes accessed, as the value carries them.
        int shift = (int) (access.address % 4) * 8;
        mask = mask >>> shift & (access.size >= 8 ? -1L : (1L << (8 * access.size)) - 1);
        long address = gicd + access.address;
        if (!access.isWrite) {
            access.value = hv.memory().mmioRead(cpu.id(), address, access.size) & mask;
        } else if (poke) {
            hv.memory().mmioWrite(cpu.id(), address, access.size, access.value & mask);
        } else {
            long current = hv.memory().mmioRead(cpu.id(), address, access.size);
            hv.memory().mmioWrite(cpu.id(), address, access.size, current & ~mask | access.value & mask);
        }
        return MmioHandler.Result.HANDLED;
    }

    private void writeGicd(int offset, int value) {
        hv.memory().mmioWrite(0, gicd + offset, 4, value & 0xFFFF_FFFFL);
    }
}
