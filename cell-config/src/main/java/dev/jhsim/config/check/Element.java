package dev.jhsim.config.check;

/**
 * The part of a configuration a finding is about: an array element (memory
 * region 3, irqchip 0, ...) or a single structure (the CPU set, the console,
 * the system's hypervisor memory, ...), which has no index.
 */
public record Element(Kind kind, int index) {
    /** The kinds of elements, with the words the reports use for them. */
    public enum Kind {
        CELL("cell descriptor"),
        CPU_SET("CPU set"),
        MEMORY_REGION("region"),
        IRQCHIP("irqchip"),
        PIO_REGION("PIO region"),
        PCI_DEVICE("PCI device"),
        CONSOLE("console"),
        HYPERVISOR_MEMORY("hypervisor memory"),
        DEBUG_CONSOLE("debug console"),
        PLATFORM_INFO("platform info");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether elements of this kind are numbered (array elements). */
        public boolean indexed() {
            return this == MEMORY_REGION || this == IRQCHIP || this == PIO_REGION || this == PCI_DEVICE;
        }
    }

    public Element {
        if (kind.indexed() != (index >= 0)) {
            throw new IllegalArgumentException(kind.label() + (kind.indexed() ? " needs" : " takes no") + " index");
        }
    }

    public static final Element CELL = new Element(Kind.CELL, -1);
    public static final Element CPU_SET = new Element(Kind.CPU_SET, -1);
    public static final Element CONSOLE = new Element(Kind.CONSOLE, -1);
    public static final Element HYPERVISOR_MEMORY = new Element(Kind.HYPERVISOR_MEMORY, -1);
    public static final Element DEBUG_CONSOLE = new Element(Kind.DEBUG_CONSOLE, -1);
    public static final Element PLATFORM_INFO = new Element(Kind.PLATFORM_INFO, -1);

    public static Element region(int index) {
        return new Element(Kind.MEMORY_REGION, index);
    }

    public static Element irqchip(int index) {
        return new Element(Kind.IRQCHIP, index);
    }

    public static Element pioRegion(int index) {
        return new Element(Kind.PIO_REGION, index);
    }

    public static Element pciDevice(int index) {
        return new Element(Kind.PCI_DEVICE, index);
    }

    /** {@code region 3}, {@code CPU set}. */
    @Override
    public String toString() {
        return kind.indexed() ? kind.label() + " " + index : kind.label();
    }
}
