package dev.jhsim.hypervisor.pci;

import dev.jhsim.config.model.PlatformInfo;
import dev.jhsim.hypervisor.core.Cell;
import dev.jhsim.hypervisor.core.HypervisorError;
import dev.jhsim.hypervisor.core.Jailhouse;
import dev.jhsim.hypervisor.core.MmioAccess;
import dev.jhsim.hypervisor.core.MmioHandler;
import dev.jhsim.hypervisor.core.PerCpu;
import dev.jhsim.hypervisor.core.Unit;
import dev.jhsim.hypervisor.driver.Errno;
import java.util.ArrayList;
import java.util.List;

/**
 * The PCI unit ({@code pci.c} and {@code ivshmem.c}'s setup): the
 * configuration space at {@code pci_mmconfig_base}, emulated per cell so
 * that each cell sees only its own devices, and the virtual ivshmem devices
 * with their links between cells. jhsim's cells get virtual PCI devices
 * only: a configuration that passes a physical device through, or asks for
 * MSI-X, is refused.
 */
public final class PciUnit implements Unit {
    private static final int CONFIG_HEADER_SIZE = 0x40;
    private static final int BAR_START = 0x10;
    private static final int BAR_END = 0x27;
    private static final int ROM_BAR = 0x30;
    private static final int CAPABILITIES = 0x34;

    private final Jailhouse hv;
    private final List<IvshmemLink> links = new ArrayList<>();
    private final long mmconfigStart;
    private final long mmconfigSize;

    public PciUnit(Jailhouse hv) {
        this.hv = hv;
        PlatformInfo platform = hv.system().platform();
        this.mmconfigStart = platform.pciMmconfigBase();
        this.mmconfigSize = (platform.pciMmconfigEndBus() + 1L) * 256 * 4096;
    }

    @Override
    public String name() {
        return "PCI";
    }

    @Override
    public void init() {
        cellInit(hv.root());
    }

    @Override
    public void cellInit(Cell cell) {
        if (mmconfigStart != 0) {
            cell.mmio().register(mmconfigStart, mmconfigSize, this::configAccess);
        }
        List<dev.jhsim.config.model.PciDevice> infos = cell.config().pciDevices();
        PciDevice[] devices = new PciDevice[infos.size()];
        cell.setPciDevices(devices);
        try {
            for (int n = 0; n < devices.length; n++) {
                PciDevice device = new PciDevice(infos.get(n), cell);
                addIvshmem(cell, device);
                devices[n] = device;
            }
        } catch (HypervisorError e) {
            cellExit(cell);
            throw e;
        }
    }

    /** {@code ivshmem_init}: the device joins its link (the link of its BDF, created by the first peer). */
    private void addIvshmem(Cell cell, PciDevice device) {
        dev.jhsim.config.model.PciDevice info = device.info();
        if (!info.isIvshmem()) {
            throw HypervisorError.of(Errno.EINVAL, "PCI device %s is a physical device; jhsim models no PCI"
                    + " passthrough", info.address());
        }
        hv.console().printf("Adding virtual PCI device %02x:%02x.%x to cell \"%s\"\n", info.bus(),
                info.device(), info.function(), cell.name());
        if (info.shmemRegionsStart() + 2 + info.shmemPeers() > cell.memoryRegions().size()) {
            throw HypervisorError.of(Errno.EINVAL, "ivshmem device %s needs memory regions %d to %d, the cell has %d",
                    info.address(), info.shmemRegionsStart(), info.shmemRegionsStart() + 1 + info.shmemPeers(),
                    cell.memoryRegions().size());
        }
        if (info.numMsixVectors() > 0) {
            throw HypervisorError.of(Errno.EINVAL, "ivshmem device %s asks for MSI-X; jhsim models INTx only",
                    info.address());
        }
        int id = info.shmemDevId();
        if (id >= IvshmemLink.MAX_PEERS) {
            throw HypervisorError.of(Errno.EINVAL, "ivshmem device %s: peer ID %d, at most %d peers",
                    info.address(), id, IvshmemLink.MAX_PEERS);
        }
        IvshmemLink link = link(info.bdf());
        if (link == null) {
            link = new IvshmemLink(info.bdf());
            links.add(link);
        } else {
            if (link.endpoint(id) != null) {
                throw HypervisorError.of(Errno.EBUSY, "ivshmem device %s: peer %d is cell \"%s\" already",
                        info.address(), id, link.endpoint(id).device().cell().name());
            }
            hv.console().print("Shared memory connection established, peer cells:\n");
            for (int peer = 0; peer < IvshmemLink.MAX_PEERS; peer++) {
                if (link.endpoint(peer) != null) {
                    hv.console().printf(" \"%s\"\n", link.endpoint(peer).device().cell().name());
                }
            }
        }
        IvshmemEndpoint endpoint = new IvshmemEndpoint(hv, device, link);
        link.connect(id, endpoint);
        if (link.peers() == 1) {
            endpoint.clearStateTable();
        }
        device.setEndpoint(endpoint);
        endpoint.reset();
    }

    private IvshmemLink link(int bdf) {
        for (IvshmemLink link : links) {
            if (link.bdf() == bdf) {
                return link;
            }
        }
        return null;
    }

    /** The root cell keeps its devices until the hypervisor shuts down. */
    @Override
    public void cellExit(Cell cell) {
        if (cell == hv.root()) {
            return;
        }
        for (PciDevice device : cell.pciDevices()) {
            if (device != null && device.endpoint() != null) {
                device.endpoint().exit();
                IvshmemLink link = link(device.info().bdf());
                link.disconnect(device.info().shmemDevId());
                if (link.peers() == 0) {
                    links.remove(link);
                }
            }
        }
    }

    @Override
    public void shutdown() {
        links.clear();
    }

    /** {@code pci_cell_reset}: the cell's devices back to their reset state. */
    public void resetDevices(Cell cell) {
        for (PciDevice device : cell.pciDevices()) {
            device.endpoint().reset();
        }
    }

    /** An access to the MMCONFIG window: the cell's device at that BDF, or none. */
    private MmioHandler.Result configAccess(PerCpu cpu, MmioAccess access) {
        int register = (int) (access.address & 0xFFF);
        int bdf = (int) (access.address >>> 12);
        if (access.size > 4) {
            return invalidWrite(bdf, register, access.size);
        }
        PciDevice device = assigned(cpu.cell(), bdf);
        if (access.isWrite) {
            return write(device, register, access.size, (int) access.value)
                    ? MmioHandler.Result.HANDLED : invalidWrite(bdf, register, access.size);
        }
        access.value = read(device, register) & 0xFFFF_FFFFL;
        return MmioHandler.Result.HANDLED;
    }

    private static PciDevice assigned(Cell cell, int bdf) {
        for (PciDevice device : cell.pciDevices()) {
            if (device.info().bdf() == bdf) {
                return device;
            }
        }
        return null;
    }

    /** {@code pci_cfg_read_moderate}: BARs from their shadow, no ROM, the rest from the device. */
    private static int read(PciDevice device, int register) {
        if (device == null) {
            return -1;
        }
        if (register >= BAR_START && register <= BAR_END) {
            return device.bars()[(register - BAR_START) / 4] >>> (register % 4 * 8);
        }
        if (register >= ROM_BAR && register < CAPABILITIES) {
            return 0;
        }
        return device.endpoint().readConfig(register);
    }

    /**
     * {@code pci_cfg_write_moderate}: BARs take what their mask allows; in
     * the header only command/status, BIST/latency/cache line and the
     * interrupt line may be written (the ROM BAR is read-only); false for a
     * refused write.
     */
    private static boolean write(PciDevice device, int register, int size, int value) {
        if (device == null) {
            return false;
        }
        int shift = register % 4 * 8;
        int mask = (int) ((1L << (8 * size)) - 1) << shift;
        value <<= shift;
        if (register >= BAR_START && register <= BAR_END) {
            int bar = (register - BAR_START) / 4;
            mask &= device.info().barMask().get(bar).intValue();
            device.bars()[bar] = device.bars()[bar] & ~mask | value & mask;
            return true;
        }
        if (register < CONFIG_HEADER_SIZE) {
            int row = register / 4;
            int allowed = switch (row) {
                case IvshmemEndpoint.COMMAND / 4, 0x0C / 4, ROM_BAR / 4 -> 0xFFFF_FFFF;
                case 0x3C / 4 -> 0xFF;
                default -> 0;
            };
            if ((allowed & mask) != mask) {
                return false;
            }
            return row == ROM_BAR / 4 || device.endpoint().writeConfig(row, mask, value);
        }
        return device.endpoint().writeConfig(register / 4, mask, value);
    }

    private MmioHandler.Result invalidWrite(int bdf, int register, int size) {
        hv.console().printf("FATAL: Invalid PCI MMCONFIG write, device %02x:%02x.%x, reg: 0x%x, size: %d\n",
                bdf >> 8, bdf >> 3 & 0x1F, bdf & 7, register, size);
        return MmioHandler.Result.ERROR;
    }
}
