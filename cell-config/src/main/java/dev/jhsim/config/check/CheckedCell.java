package dev.jhsim.config.check;

import dev.jhsim.config.binary.ElementOffsets;
import dev.jhsim.config.binary.ElementOffsets.Array;
import dev.jhsim.config.binary.StructSizes;
import dev.jhsim.config.c.SourceLocation;
import dev.jhsim.config.c.SourceMap;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.Layout;
import dev.jhsim.config.model.MemoryRegion;
import java.util.List;
import java.util.Optional;

/**
 * A cell of the checked set with the file it came from: the root cell (from
 * the system configuration, which also holds the system-wide elements) or a
 * non-root cell.
 */
public record CheckedCell(Cell cell, boolean root, CheckInput input) {

    public String name() {
        return cell.name();
    }

    public List<MemoryRegion> regions() {
        return cell.memoryRegions();
    }

    /** A finding about {@code element} of this cell, located in the source when the input has a source map. */
    public Finding finding(Element element, String problem, String hint) {
        return new Finding(name(), element, locate(element), List.of(), problem, List.of(), hint);
    }

    /** A finding about memory region {@code index}, listing the region the way upstream does. */
    public Finding regionFinding(int index, String problem, String hint) {
        return finding(Element.region(index), problem, hint).withDetails(Dumps.region(regions().get(index)));
    }

    /**
     * Where {@code element} was written: the innermost initialiser covering
     * all of the element's bytes, from the input's source map.
     */
    public Optional<SourceLocation> locate(Element element) {
        ElementOffsets offsets = new ElementOffsets(input.file());
        Layout layout = input.file().layout();
        int cpuSetBytes = cell.cpus().sizeBytes();
        SourceMap map = input.sourceMap();
        return switch (element.kind()) {
            case CELL -> map.locate(offsets.cellDescriptor(), StructSizes.cellDesc(layout));
            case CPU_SET -> cpuSetBytes == 0 ? map.locate(offsets.cellDescriptor(), StructSizes.cellDesc(layout))
                    : map.locate(offsets.of(Array.CPU_SET, 0), cpuSetBytes);
            case MEMORY_REGION -> map.locate(offsets.of(Array.MEMORY_REGIONS, element.index()),
                    StructSizes.memoryRegion(layout));
            case IRQCHIP -> map.locate(offsets.of(Array.IRQCHIPS, element.index()), StructSizes.IRQCHIP);
            case PIO_REGION -> map.locate(offsets.of(Array.PIO_REGIONS, element.index()), StructSizes.PIO);
            case PCI_DEVICE -> map.locate(offsets.of(Array.PCI_DEVICES, element.index()), StructSizes.PCI_DEVICE);
            case CONSOLE -> map.locate(offsets.cellConsole(), StructSizes.CONSOLE);
            case HYPERVISOR_MEMORY -> map.locate(offsets.hypervisorMemory(), StructSizes.memoryRegion(layout));
            case DEBUG_CONSOLE -> map.locate(offsets.debugConsole(), StructSizes.CONSOLE);
            case PLATFORM_INFO -> map.locate(offsets.platformInfo(), StructSizes.platformInfo(layout));
        };
    }
}
