package dev.jhsim.hypervisor.core;

import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.hypervisor.pci.PciDevice;
import java.util.BitSet;
import java.util.List;

/**
 * A cell as the hypervisor keeps it ({@code struct cell}): its
 * configuration, CPUs, emulated MMIO regions, communication region, the
 * hypervisor memory holding its data, whether it is loadable, its PCI
 * devices, and the ARM parts: the root of its stage-2 tables and the bitmap
 * of interrupts it owns.
 */
public final class Cell {
    /** Interrupt IDs the ownership bitmap covers (SGIs, PPIs, SPIs up to 1019). */
    public static final int IRQ_BITMAP_WORDS = 1024 / 32;

    private final dev.jhsim.config.model.Cell config;
    private final int id;
    private final BitSet cpus = new BitSet();
    private final MmioRegions mmio = new MmioRegions();
    private final int[] irqBitmap = new int[IRQ_BITMAP_WORDS];
    private final CommRegion comm;
    private final long dataPages;
    private final int dataPageCount;
    private long tableRoot;
    private boolean loadable;
    private PciDevice[] pciDevices = new PciDevice[0];

    /**
     * {@code dataPages}: {@code dataPageCount} pages of the memory pool that
     * hold the communication page followed by the copy of the configuration
     * (for the root cell, just its communication page).
     */
    public Cell(dev.jhsim.config.model.Cell config, int id, PhysicalMemory memory, long dataPages,
            int dataPageCount) {
        this.config = config;
        this.id = id;
        this.dataPages = dataPages;
        this.dataPageCount = dataPageCount;
        this.comm = new CommRegion(memory, dataPages);
        for (int cpu : config.cpus().cpus()) {
            cpus.set(cpu);
        }
    }

    public dev.jhsim.config.model.Cell config() {
        return config;
    }

    public String name() {
        return config.name();
    }

    /** The cell ID (VMID on ARM): 0 for the root cell, the driver's choice for the others. */
    public int id() {
        return id;
    }

    public long flags() {
        return config.flags();
    }

    public List<MemoryRegion> memoryRegions() {
        return config.memoryRegions();
    }

    /** The CPUs the cell owns now (the root cell's change as cells come and go). */
    public BitSet cpus() {
        return cpus;
    }

    public boolean ownsCpu(int cpu) {
        return cpus.get(cpu);
    }

    public int firstCpu() {
        return cpus.nextSetBit(0);
    }

    public MmioRegions mmio() {
        return mmio;
    }

    public CommRegion comm() {
        return comm;
    }

    public long dataPages() {
        return dataPages;
    }

    public int dataPageCount() {
        return dataPageCount;
    }

    /** The physical address of the stage-2 root table. */
    public long tableRoot() {
        return tableRoot;
    }

    public void setTableRoot(long address) {
        this.tableRoot = address;
    }

    /** Interrupt ownership, one bit per ID ({@code irq_bitmap}). */
    public int[] irqBitmap() {
        return irqBitmap;
    }

    public boolean ownsIrq(int irq) {
        return irq >= 0 && irq < IRQ_BITMAP_WORDS * 32 && (irqBitmap[irq / 32] >>> (irq % 32) & 1) != 0;
    }

    public boolean loadable() {
        return loadable;
    }

    public void setLoadable(boolean loadable) {
        this.loadable = loadable;
    }

    public PciDevice[] pciDevices() {
        return pciDevices;
    }

    public void setPciDevices(PciDevice[] devices) {
        this.pciDevices = devices;
    }

    @Override
    public String toString() {
        return "cell \"" + name() + "\"";
    }
}
