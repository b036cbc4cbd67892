package dev.jhsim.machine.board;

import java.util.List;

/**
 * A simulated board, described as data ({@code boards/<name>/board.json}):
 * its CPUs, RAM, interrupt controller, timer, UARTs, PCI hosts, other MMIO
 * devices and how images are loaded. See docs/boards.md for the format.
 */
public record BoardDescription(String name, String description, String architecture, Cpus cpus,
        List<Region> memory, InterruptController interruptController, Timer timer, List<Uart> uarts,
        List<PciHost> pci, List<Device> devices, Loader loader) {

    public BoardDescription {
        require(name, "name");
        require(architecture, "architecture");
        require(cpus, "cpus");
        require(interruptController, "interrupt_controller");
        require(timer, "timer");
        require(loader, "loader");
        memory = listOf(memory);
        uarts = listOf(uarts);
        pci = listOf(pci);
        devices = listOf(devices);
        if (memory.isEmpty()) {
            throw new IllegalArgumentException("memory: a board needs at least one RAM bank");
        }
        if (description == null) {
            description = "";
        }
    }

    /** The CPU cluster: identical cores, their IDs and clock. */
    public record Cpus(int count, String core, long midr, long frequencyHz, Mpidr mpidr) {
        public Cpus {
            if (count < 1 || count > 256) {
                throw new IllegalArgumentException("cpus.count must be 1..256, not " + count);
            }
            if (frequencyHz <= 0) {
                throw new IllegalArgumentException("cpus.frequency_hz must be positive");
            }
            require(core, "cpus.core");
            if (mpidr == null) {
                mpidr = new Mpidr(count);
            }
        }

        /** MPIDR_EL1 of CPU {@code index}: bit 31 (RES1) with Aff1/Aff0 from the cluster size. */
        public long mpidrOf(int index) {
            return 0x8000_0000L | (long) (index / mpidr.clusterSize()) << 8 | index % mpidr.clusterSize();
        }
    }

    /** How CPU indices map to MPIDR affinity: Aff0 = index % cluster_size, Aff1 = index / cluster_size. */
    public record Mpidr(int clusterSize) {
        public Mpidr {
            if (clusterSize < 1 || clusterSize > 256) {
                throw new IllegalArgumentException("cpus.mpidr.cluster_size must be 1..256");
            }
        }
    }

    /** An address range. */
    public record Region(String name, long base, long size) {
        public Region {
            if (size <= 0) {
                throw new IllegalArgumentException("region " + name + ": size must be positive");
            }
            if (base + size - 1 < base) {
                throw new IllegalArgumentException("region " + name + ": wraps around the address space");
            }
        }

        public long end() {
            return base + size;
        }

        public boolean contains(long address) {
            return Long.compareUnsigned(address, base) >= 0 && Long.compareUnsigned(address - base, size) < 0;
        }
    }

    /**
     * The interrupt controller: {@code gicv2} (distributor, cpu/hypervisor/virtual CPU interfaces)
     * or {@code gicv3} (distributor, redistributors).
     */
    public record InterruptController(String type, int spis, Region distributor, Region redistributors,
            long redistributorStride, Region cpuInterface, Region hypervisorInterface,
            Region virtualCpuInterface, int maintenanceIrq) {
        public InterruptController {
            require(type, "interrupt_controller.type");
            require(distributor, "interrupt_controller.distributor");
            if (spis < 0 || spis > 988 || spis % 32 != 0) {
                throw new IllegalArgumentException("interrupt_controller.spis must be a multiple of 32 up to 988");
            }
            switch (type) {
                case "gicv3" -> {
                    require(redistributors, "interrupt_controller.redistributors");
                    if (redistributorStride == 0) {
                        redistributorStride = 0x20000;
                    }
                }
                case "gicv2" -> {
                    require(cpuInterface, "interrupt_controller.cpu_interface");
                    require(hypervisorInterface, "interrupt_controller.hypervisor_interface");
                    require(virtualCpuInterface, "interrupt_controller.virtual_cpu_interface");
                }
                default -> throw new IllegalArgumentException("interrupt_controller.type '" + type
                        + "', expected gicv2 or gicv3");
            }
        }

        public int version() {
            return type.equals("gicv3") ? 3 : 2;
        }

        /** Interrupt IDs 0..lines-1: 16 SGIs, 16 PPIs and the SPIs. */
        public int lines() {
            return 32 + spis;
        }
    }

    /** The generic timer: counter frequency and the PPIs of its timers. */
    public record Timer(long frequencyHz, int securePhysicalIrq, int physicalIrq, int virtualIrq,
            int hypervisorIrq, int hypervisorVirtualIrq) {
        public Timer {
            if (frequencyHz <= 0) {
                throw new IllegalArgumentException("timer.frequency_hz must be positive");
            }
        }
    }

    /** A UART: {@code pl011}, {@code 8250} (with {@code reg_shift}), {@code xuartps}, {@code imx}, {@code linflex}. */
    public record Uart(String name, String type, long base, long size, int irq, long clockHz, int regShift) {
        public Uart {
            require(name, "uart name");
            require(type, "uart " + name + " type");
            if (size <= 0) {
                throw new IllegalArgumentException("uart " + name + ": size must be positive");
            }
        }

        public Region region() {
            return new Region(name, base, size);
        }
    }

    /** A generic ECAM PCI host bridge with its windows and INTx lines (INTA..INTD). */
    public record PciHost(String name, Region ecam, int busStart, int busEnd, List<Region> mmio, Region pio,
            List<Integer> intx) {
        public PciHost {
            require(name, "pci name");
            require(ecam, "pci " + name + " ecam");
            mmio = listOf(mmio);
            intx = listOf(intx);
            if (busEnd < busStart || busEnd > 255) {
                throw new IllegalArgumentException("pci " + name + ": bad bus range");
            }
            if (!intx.isEmpty() && intx.size() != 4) {
                throw new IllegalArgumentException("pci " + name + ": intx lists INTA..INTD, 4 interrupts");
            }
        }
    }

    /**
     * Another MMIO device. {@code type} names a model; {@code unimplemented}
     * devices read as zero and ignore writes (and are logged), so guests that
     * probe them do not fault.
     */
    public record Device(String name, String type, long base, long size, int irq, int count, long stride) {
        public Device {
            require(name, "device name");
            require(type, "device " + name + " type");
            if (size <= 0) {
                throw new IllegalArgumentException("device " + name + ": size must be positive");
            }
            if (count == 0) {
                count = 1;
            }
            if (stride == 0) {
                stride = size;
            }
        }

        /** The address range of instance {@code i} (for devices repeated {@code count} times). */
        public Region instance(int i) {
            return new Region(count == 1 ? name : name + i, base + i * stride, size);
        }
    }

    /** How images are loaded: a {@code raw} image at {@code address}, where CPU 0 starts. */
    public record Loader(String type, long address) {
        public Loader {
            if (!"raw".equals(type)) {
                throw new IllegalArgumentException("loader.type '" + type + "', expected raw");
            }
        }
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
    }
}
