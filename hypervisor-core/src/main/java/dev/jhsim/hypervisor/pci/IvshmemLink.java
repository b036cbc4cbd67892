package dev.jhsim.hypervisor.pci;

/**
 * The peers sharing one ivshmem device ({@code struct ivshmem_link}): the
 * devices with the same BDF in different cells, each at the slot of its
 * {@code shmem_dev_id}.
 */
final class IvshmemLink {
    static final int MAX_PEERS = 12;

    private final int bdf;
    private final IvshmemEndpoint[] endpoints = new IvshmemEndpoint[MAX_PEERS];
    private int peers;

    IvshmemLink(int bdf) {
        this.bdf = bdf;
    }

    int bdf() {
        return bdf;
    }

    int peers() {
        return peers;
    }

    IvshmemEndpoint endpoint(int id) {
        return endpoints[id];
    }

    void connect(int id, IvshmemEndpoint endpoint) {
        endpoints[id] = endpoint;
        peers++;
    }

    void disconnect(int id) {
        endpoints[id] = null;
        peers--;
    }

    /** Interrupts peer {@code id}, if it is connected. */
    void interrupt(int id) {
        IvshmemEndpoint target = endpoints[id];
        if (target != null) {
            target.interrupt();
        }
    }
}
