package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.check.checks.Ivshmem.Endpoint;
import dev.jhsim.config.model.PciDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * ivshmem peer identities. The hypervisor connects the devices with the same
 * bdf (whatever their domain); each needs its own {@code shmem_dev_id} below
 * {@code shmem_peers} (and below 12), and all peers of a link must agree on
 * the domain, the number of peers and the protocol (a virtio front-end's
 * peer is the back-end of the same device type).
 */
final class IvshmemPeers extends NamedCheck {
    private static final int VIRTIO_FRONT = 0x8000;
    private static final int VIRTIO_BACK_BIT = 0x4000;

    IvshmemPeers() {
        super("ivshmem-peers", "ivshmem peer IDs and counts");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        List<Finding> findings = new ArrayList<>();
        for (List<Endpoint> link : Ivshmem.links(set).values()) {
            for (int n = 0; n < link.size(); n++) {
                Endpoint e = link.get(n);
                PciDevice d = e.device();
                if (d.shmemDevId() >= Math.min(d.shmemPeers(), Ivshmem.MAX_PEERS)) {
                    findings.add(finding(e, "shmem_dev_id " + d.shmemDevId() + " is not below shmem_peers "
                            + d.shmemPeers() + (d.shmemDevId() >= Ivshmem.MAX_PEERS ? " and the hypervisor's 12" : ""),
                            "number the peers 0 to shmem_peers - 1"));
                }
                for (Endpoint earlier : link.subList(0, n)) {
                    findings.addAll(disagreements(e, earlier));
                }
            }
        }
        return findings;
    }

    private static List<Finding> disagreements(Endpoint e, Endpoint earlier) {
        PciDevice d = e.device();
        PciDevice p = earlier.device();
        String peer = " of the peer in cell '" + earlier.cell().name() + "' (PCI device " + earlier.index() + ")";
        List<Finding> findings = new ArrayList<>();
        if (d.shmemDevId() == p.shmemDevId()) {
            findings.add(finding(e, "shmem_dev_id " + d.shmemDevId() + " is also the id" + peer
                    + ": the hypervisor refuses the second device", "give each peer its own shmem_dev_id"));
        }
        if (d.domain() != p.domain()) {
            findings.add(finding(e, String.format("domain %04x differs from domain %04x%s, but the hypervisor"
                    + " connects the devices by bdf", d.domain(), p.domain(), peer),
                    "use the same domain and bdf for all peers, and another bdf for an unrelated device"));
        }
        if (d.shmemPeers() != p.shmemPeers()) {
            findings.add(finding(e, "shmem_peers " + d.shmemPeers() + " differs from shmem_peers "
                    + p.shmemPeers() + peer, "give all peers the same shmem_peers"));
        }
        if (!protocolsMatch(d.shmemProtocol(), p.shmemProtocol())) {
            findings.add(finding(e, "shmem_protocol " + PciDevice.protocolName(d.shmemProtocol())
                    + " differs from " + PciDevice.protocolName(p.shmemProtocol()) + peer,
                    "give all peers the same shmem_protocol"));
        }
        return findings;
    }

    /** Equal protocols, or the front-end and back-end of the same virtio device type. */
    private static boolean protocolsMatch(int a, int b) {
        boolean virtio = a >= VIRTIO_FRONT && b >= VIRTIO_FRONT;
        return a == b || virtio && (a & ~VIRTIO_BACK_BIT) == (b & ~VIRTIO_BACK_BIT);
    }

    static Finding finding(Endpoint e, String problem, String hint) {
        return e.cell().finding(Element.pciDevice(e.index()), problem, hint);
    }
}
