package dev.jhsim.config.check;

import dev.jhsim.config.model.MemoryRegion;
import java.util.ArrayList;
import java.util.List;

/** The lines that describe a memory region in a finding, in upstream's format. */
public final class Dumps {
    private Dumps() {
    }

    /** A region: start addresses, size and flags as {@code JAILHOUSE_MEM_*} names. */
    public static List<String> region(MemoryRegion region) {
        return region(region.physStart(), region.virtStart(), region.size(), region.flags());
    }

    /** A resource of the system (hypervisor memory, MMCONFIG, a GIC part): mapped 1:1, no flags. */
    public static List<String> resource(long start, long size) {
        return region(start, start, size, 0);
    }

    private static List<String> region(long phys, long virt, long size, long flags) {
        return List.of(
                String.format("  phys_start: 0x%016x", phys),
                String.format("  virt_start: 0x%016x", virt),
                String.format("  size:       0x%016x", size),
                "  flags:      " + flags(flags));
    }

    /** Each set bit, lowest first, as its {@code JAILHOUSE_MEM_} name or in hex. */
    static String flags(long flags) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < 64; bit++) {
            long mask = 1L << bit;
            if ((flags & mask) != 0) {
                String name = MemoryRegion.FLAGS.render(mask);
                names.add(name.startsWith("0x") ? name : "JAILHOUSE_MEM_" + name);
            }
        }
        return String.join(" | ", names);
    }
}
