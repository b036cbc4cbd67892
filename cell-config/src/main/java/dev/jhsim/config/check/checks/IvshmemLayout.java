package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.check.checks.Ivshmem.Endpoint;
import dev.jhsim.config.model.MemoryRegion;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared memory of each ivshmem device: the regions from
 * {@code shmem_regions_start} must exist (state table, RW section, one output
 * section per peer); the state table is non-empty and read-only, a peer
 * writes its own output section only; and all peers of a link describe the
 * same physical memory.
 */
final class IvshmemLayout extends NamedCheck {
    IvshmemLayout() {
        super("ivshmem-layout", "ivshmem shared memory layout");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        List<Finding> findings = new ArrayList<>();
        for (List<Endpoint> link : Ivshmem.links(set).values()) {
            List<Endpoint> fitting = new ArrayList<>();
            for (Endpoint e : link) {
                if (!e.layoutFits()) {
                    findings.add(IvshmemPeers.finding(e, "shmem_regions_start " + e.firstRegion()
                            + " + 2 + shmem_peers " + e.device().shmemPeers() + " exceeds the cell's "
                            + e.cell().regions().size() + " memory regions: the hypervisor refuses the device",
                            "list the state table, RW section and one output section per peer from"
                                    + " shmem_regions_start on"));
                    continue;
                }
                findings.addAll(permissions(e));
                if (!fitting.isEmpty() && fitting.get(0).device().shmemPeers() == e.device().shmemPeers()) {
                    findings.addAll(differences(e, fitting.get(0)));
                }
                fitting.add(e);
            }
        }
        return findings;
    }

    private static List<Finding> permissions(Endpoint e) {
        List<Finding> findings = new ArrayList<>();
        MemoryRegion table = e.section(0);
        if (table.size() == 0) {
            findings.add(section(e, 0, "the state table is empty", "give the state table a size of 0x1000"));
        } else if (table.has(MemoryRegion.WRITE)) {
            findings.add(section(e, 0, "the state table is writable: peers could fake each other's state",
                    "map the state table JAILHOUSE_MEM_READ only"));
        }
        for (int peer = 0; peer < e.device().shmemPeers(); peer++) {
            MemoryRegion out = e.section(2 + peer);
            boolean own = peer == e.device().shmemDevId();
            if (out.size() != 0 && own != out.has(MemoryRegion.WRITE)) {
                findings.add(section(e, 2 + peer, own ? "the device's own output section is not writable"
                        : "the output section of peer " + peer + " is writable",
                        "give WRITE to the output section of peer shmem_dev_id only"));
            }
        }
        return findings;
    }

    private static List<Finding> differences(Endpoint e, Endpoint first) {
        List<Finding> findings = new ArrayList<>();
        for (int offset = 0; offset < 2 + e.device().shmemPeers(); offset++) {
            MemoryRegion mine = e.section(offset);
            MemoryRegion theirs = first.section(offset);
            if (mine.physStart() != theirs.physStart() || mine.size() != theirs.size()) {
                findings.add(section(e, offset, String.format("%s is 0x%x bytes at 0x%x, the peer in cell '%s'"
                        + " has 0x%x bytes at 0x%x", name(offset), mine.size(), mine.physStart(),
                        first.cell().name(), theirs.size(), theirs.physStart()),
                        "describe the same physical memory in all peers, in the same order"));
            }
        }
        return findings;
    }

    private static Finding section(Endpoint e, int offset, String problem, String hint) {
        int index = (int) e.firstRegion() + offset;
        return e.cell().regionFinding(index, problem + " (PCI device " + e.index() + ", " + name(offset) + ")", hint);
    }

    private static String name(int offset) {
        return switch (offset) {
            case 0 -> "state table";
            case 1 -> "RW section";
            default -> "output section of peer " + (offset - 2);
        };
    }
}
