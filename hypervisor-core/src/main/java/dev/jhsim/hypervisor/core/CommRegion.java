package dev.jhsim.hypervisor.core;

import dev.jhsim.config.model.Console;

/**
 * The communication region of a cell ({@code struct jailhouse_comm_region}
 * for arm and arm64), a page of hypervisor memory the cell sees at its
 * {@code JAILHOUSE_MEM_COMM_REGION} address: signature {@code JHCOMM}, ABI
 * revision, cell state, the message and reply words, flags, the cell's
 * console, the PCI MMCONFIG base, and the GIC's version and bases and the
 * cell's {@code vpci_irq_base}.
 */
public final class CommRegion {
    public static final int ABI_REVISION = 2;

    public static final int RUNNING = 0;
    public static final int RUNNING_LOCKED = 1;
    public static final int SHUT_DOWN = 2;
    public static final int FAILED = 3;
    public static final int FAILED_COMM_REV = 4;

    public static final int MSG_NONE = 0;
    public static final int MSG_SHUTDOWN_REQUEST = 1;
    public static final int MSG_RECONFIG_COMPLETED = 2;

    public static final int REPLY_REQUEST_APPROVED = 3;
    public static final int REPLY_RECEIVED = 4;

    public static final int FLAG_DBG_PUTC_PERMITTED = 0x0001;
    public static final int FLAG_DBG_PUTC_ACTIVE = 0x0002;

    private static final int SIGNATURE = 0;
    private static final int REVISION = 6;
    private static final int CELL_STATE = 8;
    private static final int MSG_TO_CELL = 12;
    private static final int REPLY_FROM_CELL = 16;
    private static final int FLAGS = 20;
    private static final int CONSOLE = 24;
    private static final int PCI_MMCONFIG_BASE = 56;
    private static final int GIC_VERSION = 64;
    private static final int GICD_BASE = 72;
    private static final int GICC_BASE = 80;
    private static final int GICR_BASE = 88;
    private static final int VPCI_IRQ_BASE = 96;

    private final PhysicalMemory memory;
    private final long page;

    public CommRegion(PhysicalMemory memory, long page) {
        this.memory = memory;
        this.page = page;
    }

    /** The physical page holding the region. */
    public long page() {
        return page;
    }

    public int cellState() {
        return memory.read32(page + CELL_STATE);
    }

    public void setCellState(int state) {
        memory.write32(page + CELL_STATE, state);
    }

    public int reply() {
        return memory.read32(page + REPLY_FROM_CELL);
    }

    /** Posts a message: the reply is cleared first, as {@code jailhouse_send_msg_to_cell} does. */
    public void sendMessage(int message) {
        memory.write32(page + REPLY_FROM_CELL, MSG_NONE);
        memory.write32(page + MSG_TO_CELL, message);
    }

    /**
     * What a cell finds when it starts: the page zeroed (state RUNNING, no
     * message), the signature, revision, flags, console and platform data.
     */
    public void initialise(int flags, Console console, long pciMmconfigBase, GicInfo gic, long vpciIrqBase) {
        memory.zeroPages(page, 1);
        memory.write(page + SIGNATURE, new byte[] {'J', 'H', 'C', 'O', 'M', 'M'});
        memory.write8(page + REVISION, ABI_REVISION);
        memory.write32(page + FLAGS, flags);
        memory.write64(page + CONSOLE, console.address());
        memory.write32(page + CONSOLE + 8, (int) console.size());
        memory.write8(page + CONSOLE + 12, console.type());
        memory.write8(page + CONSOLE + 13, console.type() >> 8);
        memory.write8(page + CONSOLE + 14, console.flags());
        memory.write8(page + CONSOLE + 15, console.flags() >> 8);
        memory.write32(page + CONSOLE + 16, (int) console.divider());
        memory.write32(page + CONSOLE + 20, (int) console.gateNr());
        memory.write64(page + CONSOLE + 24, console.clockReg());
        memory.write64(page + PCI_MMCONFIG_BASE, pciMmconfigBase);
        memory.write8(page + GIC_VERSION, gic.version());
        memory.write64(page + GICD_BASE, gic.gicdBase());
        memory.write64(page + GICC_BASE, gic.giccBase());
        memory.write64(page + GICR_BASE, gic.gicrBase());
        memory.write32(page + VPCI_IRQ_BASE, (int) vpciIrqBase);
    }

    /** The interrupt controller as the region describes it to the cell. */
    public record GicInfo(int version, long gicdBase, long giccBase, long gicrBase) {
    }
}
