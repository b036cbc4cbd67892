package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.AddressRange;
import dev.jhsim.config.check.BoardFacts;
import dev.jhsim.config.check.BoardFacts.Area;
import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.MemoryRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Regions against the board's memory map: RAM regions (without IO) must lie
 * in RAM banks, IO regions must not cover RAM, and no region may cover
 * nothing at all. The hypervisor's memory must be RAM.
 */
final class BoardMemory extends BoardCheck {
    BoardMemory() {
        super("board-memory", "Regions against the board's memory map");
    }

    @Override
    List<Finding> run(ConfigSet set, BoardFacts board) {
        List<Finding> findings = new ArrayList<>();
        MemoryRegion hv = set.system().hypervisorMemory();
        AddressRange.of(hv.physStart(), hv.size()).map(r -> r.minus(ranges(board.ram()))).filter(m -> !m.isEmpty())
                .ifPresent(m -> findings.add(set.root().finding(Element.HYPERVISOR_MEMORY,
                        describe(m) + " of the hypervisor memory is not RAM of board " + board.name(),
                        "place the hypervisor memory in a RAM bank of the board")));
        for (CheckedCell cell : set.cells()) {
            for (int i = 0; i < cell.regions().size(); i++) {
                MemoryRegion r = cell.regions().get(i);
                Optional<AddressRange> range = AddressRange.of(r.physStart(), r.size());
                Optional<String> problem = range.isPresent() && !r.has(MemoryRegion.COMM_REGION)
                        ? problem(board, r, range.get()) : Optional.empty();
                if (problem.isPresent()) {
                    findings.add(cell.regionFinding(i, problem.get(), hint(r)));
                }
            }
        }
        return findings;
    }

    private static Optional<String> problem(BoardFacts board, MemoryRegion r, AddressRange range) {
        List<Area> ram = touched(board.ram(), range);
        List<Area> devices = touched(board.devices(), range);
        if (ram.isEmpty() && devices.isEmpty()) {
            return Optional.of("covers nothing on board " + board.name());
        }
        if (r.has(MemoryRegion.IO)) {
            return ram.isEmpty() ? Optional.empty() : Optional.of("IO region covers RAM (" + names(ram) + ")");
        }
        if (!devices.isEmpty()) {
            return Optional.of("RAM region covers device " + names(devices));
        }
        List<AddressRange> outside = range.minus(ranges(board.ram()));
        return outside.isEmpty() ? Optional.empty()
                : Optional.of("RAM region reaches beyond the board's RAM: " + describe(outside) + " is no memory");
    }

    private static String hint(MemoryRegion r) {
        return r.has(MemoryRegion.IO) ? "map devices as IO and RAM without JAILHOUSE_MEM_IO; check the addresses"
                : "map RAM without JAILHOUSE_MEM_IO and devices with it; check the addresses and the size";
    }

    private static List<Area> touched(List<Area> areas, AddressRange range) {
        return areas.stream().filter(a -> a.range().overlaps(range)).toList();
    }

    private static List<AddressRange> ranges(List<Area> areas) {
        return areas.stream().map(Area::range).toList();
    }

    private static String names(List<Area> areas) {
        return areas.stream().map(a -> a.name() + " " + a.range()).collect(Collectors.joining(", "));
    }

    private static String describe(List<AddressRange> ranges) {
        return ranges.stream().map(AddressRange::toString).collect(Collectors.joining(", "));
    }
}
