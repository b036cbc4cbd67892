package dev.jhsim.machine.pci;

import dev.jhsim.machine.bus.MmioDevice;
import dev.jhsim.machine.irq.InterruptLine;
import java.util.ArrayList;
import java.util.List;

/**
 * The 4 KiB configuration space of a PCI function with a type-0 header, as the
 * PCI and PCIe specifications define it: identity registers, Command (I/O,
 * memory, bus master, INTx disable) and Status (interrupt status, capability
 * list, write-one-to-clear error bits), memory BARs that answer sizing by
 * reading back their size mask after all ones are written, a capability list,
 * Interrupt Line and Pin. Each byte has a mask of bits software may write; the
 * device adds writable fields to its capabilities the same way. Reads of
 * anything not defined return zero. I/O BARs and the expansion ROM are not
 * modelled.
 */
public final class ConfigSpace implements PciFunction {
    public static final int SIZE = 4096;

    public static final int VENDOR_ID = 0x00;
    public static final int DEVICE_ID = 0x02;
    public static final int COMMAND = 0x04;
    public static final int STATUS = 0x06;
    public static final int REVISION_ID = 0x08;
    public static final int CLASS_CODE = 0x09;
    public static final int CACHE_LINE_SIZE = 0x0c;
    public static final int HEADER_TYPE = 0x0e;
    public static final int BAR0 = 0x10;
    public static final int SUBSYSTEM_VENDOR_ID = 0x2c;
    public static final int SUBSYSTEM_ID = 0x2e;
    public static final int CAPABILITIES_POINTER = 0x34;
    public static final int INTERRUPT_LINE = 0x3c;
    public static final int INTERRUPT_PIN = 0x3d;

    public static final int COMMAND_IO = 1;
    public static final int COMMAND_MEMORY = 1 << 1;
    public static final int COMMAND_BUS_MASTER = 1 << 2;
    public static final int COMMAND_PARITY_ERROR_RESPONSE = 1 << 6;
    public static final int COMMAND_SERR = 1 << 8;
    public static final int COMMAND_INTX_DISABLE = 1 << 10;
    public static final int STATUS_INTERRUPT = 1 << 3;
    public static final int STATUS_CAPABILITIES = 1 << 4;
    /** Master data parity error, signalled/received target and master aborts, SERR, parity error. */
    public static final int STATUS_ERRORS = 0xf900;

    private static final int BAR_64BIT = 0x4;
    private static final int BAR_PREFETCHABLE = 0x8;
    private static final int HEADER_END = 0x40;

    private final byte[] bytes = new byte[SIZE];
    private final byte[] writable = new byte[SIZE];
    private final byte[] writeOneToClear = new byte[SIZE];
    /** Per BAR: its size (0 = none, or the upper half of a 64-bit BAR) and the device behind it. */
    private final long[] barSizes = new long[6];
    private final MmioDevice[] barDevices = new MmioDevice[6];
    private int nextCapability = HEADER_END;
    private int lastCapability = -1;
    private InterruptLine pin = InterruptLine.NONE;
    private boolean pinLevel;

    /** A function with these IDs and 24-bit class code (class, subclass, programming interface). */
    public ConfigSpace(int vendorId, int deviceId, int classCode, int revision) {
        set(VENDOR_ID, 2, vendorId);
        set(DEVICE_ID, 2, deviceId);
        set(REVISION_ID, 1, revision);
        set(CLASS_CODE, 3, classCode);
        makeWritable(COMMAND, 2, COMMAND_IO | COMMAND_MEMORY | COMMAND_BUS_MASTER | COMMAND_PARITY_ERROR_RESPONSE
                | COMMAND_SERR | COMMAND_INTX_DISABLE);
        mask(writeOneToClear, STATUS, 2, STATUS_ERRORS);
        makeWritable(CACHE_LINE_SIZE, 1, 0xff);
        makeWritable(INTERRUPT_LINE, 1, 0xff);
    }

    /** Sets the Subsystem Vendor ID and Subsystem ID. */
    public ConfigSpace subsystem(int vendorId, int id) {
        set(SUBSYSTEM_VENDOR_ID, 2, vendorId);
        set(SUBSYSTEM_ID, 2, id);
        return this;
    }

    /** Sets the Interrupt Pin: 1..4 for INTA..INTD, 0 for none. */
    public ConfigSpace interruptPin(int intx) {
        if (intx < 0 || intx > 4) {
            throw new IllegalArgumentException("interrupt pin must be 0 (none) or 1..4 (INTA..INTD)");
        }
        set(INTERRUPT_PIN, 1, intx);
        return this;
    }

    /**
     * Declares memory BAR {@code index} of {@code size} bytes (a power of two, at least 16),
     * answered by {@code device}; a 64-bit BAR also takes the next BAR slot for its upper half.
     */
    public ConfigSpace memoryBar(int index, long size, boolean is64Bit, boolean prefetchable, MmioDevice device) {
        int slots = is64Bit ? 2 : 1;
        if (index < 0 || index + slots > 6 || barSizes[index] != 0 || (is64Bit && barSizes[index + 1] != 0)) {
            throw new IllegalArgumentException("BAR " + index + " is taken or out of range");
        }
        if (size < 16 || Long.bitCount(size) != 1 || (!is64Bit && size > 1L << 31)) {
            throw new IllegalArgumentException("BAR size must be a power of two from 16 bytes (up to 2 GiB for 32 bits)");
        }
        int offset = BAR0 + 4 * index;
        long addressMask = -size;
        set(offset, 4, (is64Bit ? BAR_64BIT : 0) | (prefetchable ? BAR_PREFETCHABLE : 0));
        makeWritable(offset, 4, (int) addressMask & ~0xf);
        if (is64Bit) {
            makeWritable(offset + 4, 4, (int) (addressMask >>> 32));
            barSizes[index + 1] = -1;
        }
        barSizes[index] = size;
        barDevices[index] = device;
        return this;
    }

    /**
     * Appends a capability with ID {@code id} and {@code length} bytes (header included) to
     * the list in the header area, and returns its offset so that the device can fill it in.
     */
    public int addCapability(int id, int length) {
        int offset = nextCapability;
        if (length < 2 || offset + length > 0x100) {
            throw new IllegalArgumentException("capability does not fit in the 256-byte header area");
        }
        set(offset, 1, id);
        set(lastCapability < 0 ? CAPABILITIES_POINTER : lastCapability + 1, 1, offset);
        set(STATUS, 2, readConfig(STATUS, 2) | STATUS_CAPABILITIES);
        lastCapability = offset;
        nextCapability = (offset + length + 3) & ~3;
        return offset;
    }

    /** Sets {@code size} bytes at {@code offset} as the device (no write masks apply). */
    public void set(int offset, int size, int value) {
        for (int i = 0; i < size; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    /** Lets software change the bits of {@code mask} in the {@code size} bytes at {@code offset}. */
    public void makeWritable(int offset, int size, int mask) {
        mask(writable, offset, size, mask);
    }

    private static void mask(byte[] masks, int offset, int size, int mask) {
        for (int i = 0; i < size; i++) {
            masks[offset + i] |= (byte) (mask >>> (8 * i));
        }
    }

    @Override
    public int readConfig(int offset, int size) {
        int value = 0;
        for (int i = 0; i < size; i++) {
            value |= (bytes[offset + i] & 0xff) << (8 * i);
        }
        return value;
    }

    @Override
    public void writeConfig(int offset, int size, int value) {
        for (int i = 0; i < size; i++) {
            int at = offset + i;
            int b = (value >>> (8 * i)) & 0xff;
            int kept = bytes[at] & ~writable[at];
            bytes[at] = (byte) ((kept | (b & writable[at])) & ~(b & writeOneToClear[at]));
        }
        drivePin();
    }

    public int command() {
        return readConfig(COMMAND, 2);
    }

    public boolean memoryEnabled() {
        return (command() & COMMAND_MEMORY) != 0;
    }

    /** The address programmed in memory BAR {@code index} (both halves of a 64-bit BAR). */
    public long barAddress(int index) {
        long low = readConfig(BAR0 + 4 * index, 4) & 0xffff_fff0L;
        boolean is64Bit = (bytes[BAR0 + 4 * index] & BAR_64BIT) != 0;
        return is64Bit ? low | (long) readConfig(BAR0 + 4 * index + 4, 4) << 32 : low;
    }

    /** Size of memory BAR {@code index}, 0 if the function has none there. */
    public long barSize(int index) {
        return Math.max(0, barSizes[index]);
    }

    /** Programmed BARs with a device, while memory space is enabled; address 0 counts as unprogrammed. */
    @Override
    public List<BarWindow> decodedMemory() {
        List<BarWindow> windows = new ArrayList<>();
        if (!memoryEnabled()) {
            return windows;
        }
        for (int i = 0; i < 6; i++) {
            long base = barSize(i) > 0 ? barAddress(i) : 0;
            if (base != 0 && barDevices[i] != null) {
                windows.add(new BarWindow(i, base, barSizes[i], barDevices[i]));
            }
        }
        return windows;
    }

    /** The device asserts or releases its interrupt: Status shows it, the pin follows unless INTx is disabled. */
    public void setInterrupt(boolean pending) {
        int status = readConfig(STATUS, 2);
        set(STATUS, 2, pending ? status | STATUS_INTERRUPT : status & ~STATUS_INTERRUPT);
        drivePin();
    }

    @Override
    public void connectInterrupt(InterruptLine line) {
        this.pin = line;
        pinLevel = false;
        drivePin();
    }

    private void drivePin() {
        boolean level = (readConfig(STATUS, 2) & STATUS_INTERRUPT) != 0
                && (command() & COMMAND_INTX_DISABLE) == 0;
        if (level != pinLevel) {
            pinLevel = level;
            pin.set(level);
        }
    }
}
