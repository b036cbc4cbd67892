package dev.jhsim.machine.pci;

import dev.jhsim.machine.bus.MmioDevice;

/**
 * The configuration spaces of every function behind one host bridge, reached
 * the PCIe ECAM way: offset = (bus - busStart) << 20 | device << 15 | function
 * << 12 | register. Functions are attached and detached at their address;
 * reading where none is attached returns all ones, writing there does nothing.
 * It can sit on the physical bus or serve accesses a hypervisor traps at an
 * address of its choosing.
 */
public final class EcamSpace implements MmioDevice {
    private static final int FUNCTIONS_PER_BUS = 256;

    private final int busStart;
    private final int busEnd;
    /** Per bus (relative to busStart), per device/function; a bus's array exists once something is attached. */
    private final PciFunction[][] buses;

    public EcamSpace(int busStart, int busEnd) {
        if (busStart < 0 || busEnd < busStart || busEnd > 255) {
            throw new IllegalArgumentException("bus range " + busStart + ".." + busEnd + " is not within 0..255");
        }
        this.busStart = busStart;
        this.busEnd = busEnd;
        this.buses = new PciFunction[busEnd - busStart + 1][];
    }

    public int busStart() {
        return busStart;
    }

    /** Bytes of ECAM the bus range takes: 1 MiB per bus. */
    public long size() {
        return (long) buses.length << 20;
    }

    /** Puts {@code function} at {@code at}. */
    public void attach(PciAddress at, PciFunction function) {
        if (at.bus() < busStart || at.bus() > busEnd) {
            throw new IllegalArgumentException("PCI function " + at + " is outside buses " + busStart + ".." + busEnd);
        }
        PciFunction[] bus = buses[at.bus() - busStart];
        if (bus == null) {
            bus = new PciFunction[FUNCTIONS_PER_BUS];
            buses[at.bus() - busStart] = bus;
        }
        if (bus[devfn(at)] != null) {
            throw new IllegalArgumentException("PCI function " + at + " is already taken");
        }
        bus[devfn(at)] = function;
    }

    /** Removes and returns the function at {@code at}, or null if there was none. */
    public PciFunction detach(PciAddress at) {
        PciFunction function = function(at);
        if (function != null) {
            buses[at.bus() - busStart][devfn(at)] = null;
        }
        return function;
    }

    /** The function at {@code at}, or null. */
    public PciFunction function(PciAddress at) {
        if (at.bus() < busStart || at.bus() > busEnd) {
            return null;
        }
        PciFunction[] bus = buses[at.bus() - busStart];
        return bus == null ? null : bus[devfn(at)];
    }

    private static int devfn(PciAddress at) {
        return at.device() << 3 | at.function();
    }

    /** The function an ECAM offset lands in, or null (nothing attached, or beyond the bus range). */
    PciFunction functionAt(long offset) {
        if (offset < 0 || offset >= size()) {
            return null;
        }
        PciFunction[] bus = buses[(int) (offset >>> 20)];
        return bus == null ? null : bus[(int) (offset >>> 12) & 0xff];
    }

    /** Configuration reads by byte, word or dword (a 64-bit access reads two dwords). */
    @Override
    public long read(long offset, int size) {
        if (size == 8) {
            return (read(offset, 4) & 0xffff_ffffL) | read(offset + 4, 4) << 32;
        }
        PciFunction function = functionAt(offset);
        if (function == null || offset % size != 0) {
            return (1L << (8 * size)) - 1;
        }
        return function.readConfig((int) (offset & 0xfff), size) & ((1L << (8 * size)) - 1);
    }

    @Override
    public void write(long offset, int size, long value) {
        if (size == 8) {
            write(offset, 4, value);
            write(offset + 4, 4, value >>> 32);
            return;
        }
        PciFunction function = functionAt(offset);
        if (function != null && offset % size == 0) {
            function.writeConfig((int) (offset & 0xfff), size, (int) value);
        }
    }
}
