package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.IrqChip;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Interrupt lines granted by irqchip bitmaps, and how findings write them. */
final class IrqLines {
    private IrqLines() {
    }

    /**
     * Whether the hypervisor uses {@code chip} at all: on ARM only irqchips at
     * the system's GIC distributor count; on x86 those at an IOAPIC the root
     * cell lists (the root cell's own irqchips define the IOAPICs).
     */
    static boolean atKnownController(ConfigSet set, IrqChip chip) {
        if (set.isArm()) {
            return chip.address() == set.system().platform().arm().gicdBase();
        }
        return set.root().cell().irqchips().stream().anyMatch(c -> c.address() == chip.address());
    }

    /** The lines {@code cell} is granted at the controller at {@code address}, ascending. */
    static TreeSet<Long> granted(Cell cell, long address) {
        TreeSet<Long> lines = new TreeSet<>();
        for (IrqChip chip : cell.irqchips()) {
            if (chip.address() == address) {
                lines.addAll(chip.pins());
            }
        }
        return lines;
    }

    /** {@code 33, 40-42}: ascending lines with runs collapsed. */
    static String describe(Collection<Long> lines) {
        List<String> parts = new ArrayList<>();
        Long first = null;
        Long previous = null;
        for (long line : new TreeSet<>(lines)) {
            if (previous != null && line == previous + 1) {
                previous = line;
                continue;
            }
            if (first != null) {
                parts.add(run(first, previous));
            }
            first = line;
            previous = line;
        }
        if (first != null) {
            parts.add(run(first, previous));
        }
        return String.join(", ", parts);
    }

    /** {@code line 33} or {@code lines 33, 40-42}. */
    static String named(Collection<Long> lines) {
        return (lines.size() == 1 ? "line " : "lines ") + describe(lines);
    }

    private static String run(long first, long last) {
        return first == last ? Long.toString(first) : first + "-" + last;
    }
}
