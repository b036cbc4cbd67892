package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.config.model.PciDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ivshmem devices and their shared memory. Each device names a run of its
 * cell's memory regions starting at {@code shmem_regions_start}: the state
 * table, the read-write section, then one output section per peer. The
 * hypervisor connects the devices of all cells that have the same bdf.
 */
final class Ivshmem {
    /** Maximum peers per link in the hypervisor ({@code IVSHMEM_MAX_PEERS}). */
    static final int MAX_PEERS = 12;

    private Ivshmem() {
    }

    /** One ivshmem device of one cell. */
    record Endpoint(CheckedCell cell, int index, PciDevice device) {
        /** Index of the state table region; then RW section, then output section of peer 0, 1, ... */
        long firstRegion() {
            return device.shmemRegionsStart();
        }

        /** Whether all regions of the layout exist in the cell. */
        boolean layoutFits() {
            return firstRegion() + 2 + device.shmemPeers() <= cell.regions().size();
        }

        /** Region {@code offset} of the layout (0 = state table, 1 = RW section, 2 + n = output of peer n). */
        MemoryRegion section(int offset) {
            return cell.regions().get((int) firstRegion() + offset);
        }
    }

    /** Every ivshmem device of the set: cells as given, devices ascending. */
    static List<Endpoint> endpoints(ConfigSet set) {
        List<Endpoint> all = new ArrayList<>();
        for (CheckedCell cell : set.cells()) {
            List<PciDevice> devices = cell.cell().pciDevices();
            for (int i = 0; i < devices.size(); i++) {
                if (devices.get(i).isIvshmem()) {
                    all.add(new Endpoint(cell, i, devices.get(i)));
                }
            }
        }
        return all;
    }

    /** The endpoints the hypervisor connects: grouped by bdf, ascending. */
    static Map<Integer, List<Endpoint>> links(ConfigSet set) {
        Map<Integer, List<Endpoint>> links = new TreeMap<>();
        for (Endpoint e : endpoints(set)) {
            links.computeIfAbsent(e.device().bdf(), bdf -> new ArrayList<>()).add(e);
        }
        return links;
    }

    /** Whether region {@code index} of {@code cell} is an RW or output section, which may be empty. */
    static boolean isOptionalSection(Cell cell, int index) {
        for (PciDevice d : cell.pciDevices()) {
            long first = d.shmemRegionsStart();
            if (d.isIvshmem() && index > first && index <= first + 1 + d.shmemPeers()) {
                return true;
            }
        }
        return false;
    }
}
