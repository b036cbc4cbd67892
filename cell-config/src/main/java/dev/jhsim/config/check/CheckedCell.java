package dev.jhsim.config.check;

import dev.jhsim.config.binary.ElementOffsets;
import dev.jhsim.config.binary.ElementOffsets.Array;
import dev.jhsim.config.c.SourceLocation;
import dev.jhsim.config.model.Cell;
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

    /** Where {@code element} was written: the element's byte offset, resolved through the source map. */
    public Optional<SourceLocation> locate(Element element) {
        ElementOffsets offsets = new ElementOffsets(input.file());
        long offset = switch (element.kind()) {
            case CELL -> offsets.cellDescriptor();
            case CPU_SET -> cell.cpus().sizeBytes() == 0 ? offsets.cellDescriptor() : offsets.of(Array.CPU_SET, 0);
            case MEMORY_REGION -> offsets.of(Array.MEMORY_REGIONS, element.index());
            case IRQCHIP -> offsets.of(Array.IRQCHIPS, element.index());
            case PIO_REGION -> offsets.of(Array.PIO_REGIONS, element.index());
            case PCI_DEVICE -> offsets.of(Array.PCI_DEVICES, element.index());
            case CONSOLE -> offsets.cellConsole();
            case HYPERVISOR_MEMORY -> offsets.hypervisorMemory();
            case DEBUG_CONSOLE -> offsets.debugConsole();
            case PLATFORM_INFO -> offsets.platformInfo();
        };
        return input.sourceMap().locate(offset);
    }
}
