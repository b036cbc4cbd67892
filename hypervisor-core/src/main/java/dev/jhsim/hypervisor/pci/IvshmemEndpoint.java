package dev.jhsim.hypervisor.pci;

import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.hypervisor.core.Jailhouse;
import dev.jhsim.hypervisor.core.MmioAccess;
import dev.jhsim.hypervisor.core.MmioHandler;
import dev.jhsim.hypervisor.core.PerCpu;
import java.util.List;

/**
 * One peer's ivshmem 2.0 device ({@code struct ivshmem_endpoint}): its
 * configuration space (vendor 0x110a, device 0x4106, the vendor capability
 * describing the shared memory), the register BAR (ID, MAX_PEERS,
 * INT_CONTROL, DOORBELL, STATE), its state in the link's state table and
 * the interrupt its doorbell raises: INTx line {@code 32 + vpci_irq_base +
 * pin - 1} of its cell, pin A..D by device number.
 */
final class IvshmemEndpoint implements MmioHandler {
    static final int CONFIG_SIZE = 0x80;

    private static final int VENDOR_ID = 0x110A;
    private static final int DEVICE_ID = 0x4106;
    private static final int VENDOR_CAP = 0x40;
    private static final int VENDOR_CAP_LENGTH = 0x20;
    private static final int CAP_ID_VENDOR = 0x09;
    private static final int STATUS_CAPS = 1 << 4;
    private static final int CLASS_OTHER = 0xFF;
    private static final int ONESHOT_INT = 1 << 24;
    static final int COMMAND = 0x04;
    static final int CMD_MEM = 1 << 1;
    static final int CMD_INTX_OFF = 1 << 10;
    private static final int INT_ENABLE = 1;

    private static final int REG_ID = 0x00;
    private static final int REG_MAX_PEERS = 0x04;
    private static final int REG_INT_CTRL = 0x08;
    private static final int REG_DOORBELL = 0x0C;
    private static final int REG_STATE = 0x10;

    private final Jailhouse hv;
    private final PciDevice device;
    private final IvshmemLink link;
    private final List<MemoryRegion> shmem;
    private final int[] cspace = new int[CONFIG_SIZE / 4];
    private int state;
    private int intControl;
    private int intxLine;
    private long registerRegion;

    IvshmemEndpoint(Jailhouse hv, PciDevice device, IvshmemLink link) {
        this.hv = hv;
        this.device = device;
        this.link = link;
        int first = (int) device.info().shmemRegionsStart();
        this.shmem = device.cell().memoryRegions().subList(first, first + 2 + device.info().shmemPeers());
    }

    PciDevice device() {
        return device;
    }

    /** Clears the state table, as the first peer of a link does. */
    void clearStateTable() {
        for (int id = 0; id < device.info().shmemPeers(); id++) {
            hv.memory().write32(stateTable() + 4L * id, 0);
        }
    }

    /** {@code ivshmem_reset}: configuration space to defaults, BARs cleared, interrupts off, state 0. */
    void reset() {
        intControl = 0;
        intxLine = 0;
        if ((cspace[COMMAND / 4] & CMD_MEM) != 0) {
            device.cell().mmio().unregister(registerRegion);
        }
        java.util.Arrays.fill(device.bars(), 0);
        java.util.Arrays.fill(cspace, 0);
        dev.jhsim.config.model.PciDevice info = device.info();
        cspace[0x00 / 4] = DEVICE_ID << 16 | VENDOR_ID;
        cspace[0x04 / 4] = STATUS_CAPS << 16;
        cspace[0x08 / 4] = CLASS_OTHER << 24 | info.shmemProtocol() << 8;
        cspace[0x2C / 4] = DEVICE_ID << 16 | VENDOR_ID;
        cspace[0x34 / 4] = VENDOR_CAP;
        // INTx only: the vendor capability ends the list (no MSI-X capability behind it).
        cspace[VENDOR_CAP / 4] = VENDOR_CAP_LENGTH << 16 | CAP_ID_VENDOR;
        cspace[0x3C / 4] = ((info.bdf() >> 3 & 3) + 1) << 8;
        cspace[(VENDOR_CAP + 0x04) / 4] = (int) shmem.get(0).size();
        putLong(VENDOR_CAP + 0x08, shmem.get(1).size());
        putLong(VENDOR_CAP + 0x10, shmem.get(2).size());
        putLong(VENDOR_CAP + 0x18, shmem.get(0).virtStart());
        writeState(0);
    }

    /** {@code ivshmem_exit}: the peer leaves: its state becomes 0, which the others see. */
    void exit() {
        intxLine = 0;
        writeState(0);
    }

    private void putLong(int offset, long value) {
        cspace[offset / 4] = (int) value;
        cspace[offset / 4 + 1] = (int) (value >>> 32);
    }

    /** A configuration read of the device's space; beyond it reads all ones. */
    int readConfig(int address) {
        return address < CONFIG_SIZE ? cspace[address / 4] >>> (address % 4 * 8) : -1;
    }

    /**
     * {@code ivshmem_pci_cfg_write}: {@code value} and {@code mask} already
     * shifted to their place in dword {@code row}. Only the command
     * register and the one-shot interrupt bit change anything; false for a
     * row outside the space (a refused access).
     */
    boolean writeConfig(int row, int mask, int value) {
        if (row >= cspace.length) {
            return false;
        }
        value |= cspace[row] & ~mask;
        if (row == COMMAND / 4) {
            writeCommand(value & 0xFFFF);
        } else if (row == VENDOR_CAP / 4) {
            cspace[row] = cspace[row] & ~ONESHOT_INT | value & ONESHOT_INT;
        }
        return true;
    }

    private void writeCommand(int value) {
        int command = cspace[COMMAND / 4];
        if (((value ^ command) & CMD_MEM) != 0) {
            if ((command & CMD_MEM) != 0) {
                device.cell().mmio().unregister(registerRegion);
            }
            if ((value & CMD_MEM) != 0) {
                registerRegion = device.bars()[0] & 0xFFFF_FFF0L;
                device.cell().mmio().register(registerRegion, ~device.info().barMask().get(0) + 1 & 0xFFFF_FFFFL,
                        this);
            }
            command = command & ~CMD_MEM | value & CMD_MEM;
        }
        boolean intxChanged = ((value ^ command) & CMD_INTX_OFF) != 0;
        cspace[COMMAND / 4] = command & ~CMD_INTX_OFF | value & CMD_INTX_OFF;
        if (intxChanged) {
            updateIntx();
        }
    }

    /** The register BAR. */
    @Override
    public Result handle(PerCpu cpu, MmioAccess access) {
        dev.jhsim.config.model.PciDevice info = device.info();
        switch ((int) access.address) {
            case REG_ID -> access.value = info.shmemDevId();
            case REG_MAX_PEERS -> access.value = info.shmemPeers();
            case REG_INT_CTRL -> {
                if (access.isWrite) {
                    intControl = (int) access.value & INT_ENABLE;
                    updateIntx();
                } else {
                    access.value = intControl;
                }
            }
            case REG_DOORBELL -> {
                if (access.isWrite) {
                    ringDoorbell((int) access.value);
                } else {
                    access.value = 0;
                }
            }
            case REG_STATE -> {
                if (access.isWrite) {
                    writeState((int) access.value);
                } else {
                    access.value = state;
                }
            }
            default -> access.value = 0;
        }
        return Result.HANDLED;
    }

    /** Vector in bits 15:0 (INTx has one: 0), peer ID in bits 31:16; anything else is ignored. */
    private void ringDoorbell(int value) {
        int vector = value & 0xFFFF;
        int target = value >>> 16;
        if (vector == 0 && target < IvshmemLink.MAX_PEERS) {
            link.interrupt(target);
        }
    }

    /** Writes this peer's entry of the state table; on a change, every other peer is interrupted. */
    private void writeState(int newState) {
        hv.memory().write32(stateTable() + 4L * device.info().shmemDevId(), newState);
        if (state != newState) {
            state = newState;
            for (int id = 0; id < device.info().shmemPeers(); id++) {
                if (link.endpoint(id) != this) {
                    link.interrupt(id);
                }
            }
        }
    }

    /** Raises this peer's interrupt if it enabled it ({@code ivshmem_trigger_interrupt}). */
    void interrupt() {
        if ((intControl & INT_ENABLE) == 0) {
            return;
        }
        if ((cspace[VENDOR_CAP / 4] & ONESHOT_INT) != 0) {
            intControl = 0;
        }
        if (intxLine != 0) {
            hv.arch().triggerInterrupt(intxLine);
        }
    }

    /** The interrupt a doorbell raises: the INTx line, unless the command register masks it. */
    private void updateIntx() {
        boolean masked = (cspace[COMMAND / 4] & CMD_INTX_OFF) != 0;
        int pin = cspace[0x3C / 4] >> 8 & 0xFF;
        intxLine = masked ? 0 : (int) (32 + device.cell().config().vpciIrqBase() + pin - 1);
    }

    private long stateTable() {
        return shmem.get(0).physStart();
    }
}
