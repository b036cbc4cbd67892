package dev.jhsim.machine.pci;

/** A PCI function's bus, device and function numbers (BDF), printed as {@code bb:dd.f}. */
public record PciAddress(int bus, int device, int function) {
    public PciAddress {
        if (bus < 0 || bus > 255 || device < 0 || device > 31 || function < 0 || function > 7) {
            throw new IllegalArgumentException(String.format("no PCI function %d:%d.%d", bus, device, function));
        }
    }

    /** The function whose configuration space contains ECAM offset {@code offset} (bus relative to {@code busStart}). */
    public static PciAddress ofEcamOffset(long offset, int busStart) {
        return new PciAddress(busStart + (int) (offset >>> 20), (int) (offset >>> 15) & 0x1f,
                (int) (offset >>> 12) & 0x7);
    }

    /** Where this function's configuration space starts in an ECAM window for buses from {@code busStart}. */
    public long ecamOffset(int busStart) {
        return (long) (bus - busStart) << 20 | (long) device << 15 | (long) function << 12;
    }

    @Override
    public String toString() {
        return String.format("%02x:%02x.%x", bus, device, function);
    }
}
