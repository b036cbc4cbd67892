package dev.jhsim.config.model;

import static dev.jhsim.config.model.Ranges.u16;
import static dev.jhsim.config.model.Ranges.u32;
import static dev.jhsim.config.model.Ranges.u8;

import java.util.List;

/**
 * {@code struct jailhouse_pci_device}: a physical PCI device or bridge
 * assigned to a cell, or a virtual ivshmem device (the {@code shmem*} fields).
 */
public record PciDevice(int type, int iommu, int domain, int bdf, List<Long> barMask,
        int capsStart, int numCaps, int numMsiVectors, boolean msi64Bits, boolean msiMaskable,
        int numMsixVectors, int msixRegionSize, long msixAddress,
        long shmemRegionsStart, int shmemDevId, int shmemPeers, int shmemProtocol) {

    public static final int TYPE_DEVICE = 0x01;
    public static final int TYPE_BRIDGE = 0x02;
    public static final int TYPE_IVSHMEM = 0x03;
    public static final int BARS = 6;

    public static final Symbols TYPES = Symbols.values()
            .with("DEVICE", TYPE_DEVICE).with("BRIDGE", TYPE_BRIDGE).with("IVSHMEM", TYPE_IVSHMEM);

    /** Named shared-memory protocols; the custom and virtio ranges are rendered by {@link #protocolName}. */
    public static final Symbols SHMEM_PROTOCOLS = Symbols.values()
            .with("UNDEFINED", 0x0000).with("VETH", 0x0001);

    public PciDevice {
        u8(type, "pci type");
        u8(iommu, "pci iommu");
        u16(domain, "pci domain");
        u16(bdf, "pci bdf");
        barMask = List.copyOf(barMask);
        if (barMask.size() != BARS) {
            throw new IllegalArgumentException("bar_mask has " + barMask.size() + " entries, expected " + BARS);
        }
        for (long mask : barMask) {
            u32(mask, "bar_mask entry");
        }
        u16(capsStart, "caps_start");
        u16(numCaps, "num_caps");
        u8(numMsiVectors, "num_msi_vectors");
        u16(numMsixVectors, "num_msix_vectors");
        u16(msixRegionSize, "msix_region_size");
        u32(shmemRegionsStart, "shmem_regions_start");
        u8(shmemDevId, "shmem_dev_id");
        u8(shmemPeers, "shmem_peers");
        u16(shmemProtocol, "shmem_protocol");
    }

    public boolean isIvshmem() {
        return type == TYPE_IVSHMEM;
    }

    public int bus() {
        return bdf >> 8;
    }

    public int device() {
        return (bdf >> 3) & 0x1f;
    }

    public int function() {
        return bdf & 0x7;
    }

    /** The device address as Linux prints it: {@code 0001:00:01.0}. */
    public String address() {
        return String.format("%04x:%02x:%02x.%x", domain, bus(), device(), function());
    }

    /** A readable name for a shared-memory protocol number. */
    public static String protocolName(int protocol) {
        if (protocol >= 0xc000) {
            return "VIRTIO_BACK+" + (protocol - 0xc000);
        }
        if (protocol >= 0x8000) {
            return "VIRTIO_FRONT+" + (protocol - 0x8000);
        }
        if (protocol >= 0x4000) {
            return "CUSTOM+" + Symbols.hex(protocol - 0x4000);
        }
        return SHMEM_PROTOCOLS.render(protocol);
    }
}
