package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.AddressRange;
import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Console;
import dev.jhsim.config.model.MemoryRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Non-root cell consoles the cell cannot reach: a memory-mapped console must
 * lie in one of the cell's regions (its address is guest-physical), a port
 * I/O 8250 (x86) in the cell's PIO regions (8 ports). Otherwise the cell's
 * first output is an access violation. (Port I/O consoles on ARM are
 * reported by {@link ConsoleType}.)
 */
final class ConsoleAddress extends NamedCheck {
    private static final int UART_8250_PORTS = 8;

    ConsoleAddress() {
        super("console-address", "Consoles outside the cell");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        List<Finding> findings = new ArrayList<>();
        for (CheckedCell cell : set.nonRoot()) {
            Console console = cell.cell().console();
            boolean portIo = !console.isMmio();
            if (console.type() == Console.TYPE_NONE || console.type() == Console.TYPE_EFIFB || portIo && set.isArm()) {
                continue;
            }
            if (console.isMmio() && regionAt(cell, console.address()).isEmpty()) {
                findings.add(cell.finding(Element.CONSOLE, String.format("console at 0x%x is in"
                        + " no memory region of the cell", console.address()),
                        "map the UART into the cell (an IO region covering it), or fix the console address"));
            } else if (portIo && !portsReachable(cell, console.address())) {
                findings.add(cell.finding(Element.CONSOLE, String.format("console at port 0x%x"
                        + " is not in the cell's PIO regions", console.address()),
                        String.format("add PIO_RANGE(0x%x, 8) to the cell's pio_regions", console.address())));
            }
        }
        return findings;
    }

    /** The cell's region whose guest-physical range holds {@code address}. */
    static Optional<MemoryRegion> regionAt(CheckedCell cell, long address) {
        return cell.regions().stream().filter(r -> AddressRange.of(r.virtStart(), r.size())
                .map(range -> range.contains(address)).orElse(false)).findFirst();
    }

    private static boolean portsReachable(CheckedCell cell, long port) {
        List<AddressRange> granted = cell.cell().pioRegions().stream().map(RootPio::ports)
                .flatMap(Optional::stream).toList();
        return AddressRange.of(port, UART_8250_PORTS).orElseThrow().minus(granted).isEmpty();
    }
}
