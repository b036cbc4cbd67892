package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.BoardFacts;
import dev.jhsim.config.check.BoardFacts.Uart;
import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Console;
import dev.jhsim.config.model.MemoryRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Memory-mapped consoles against the board's UARTs: the debug console (a
 * physical address) and each non-root cell's console (translated through the
 * cell's region) must be a UART of the board, of the configured type.
 */
final class BoardConsole extends BoardCheck {
    BoardConsole() {
        super("board-console", "Consoles against the board's UARTs");
    }

    @Override
    List<Finding> run(ConfigSet set, BoardFacts board) {
        List<Finding> findings = new ArrayList<>();
        Console debug = set.system().debugConsole();
        if (debug.type() != Console.TYPE_NONE && debug.isMmio()) {
            problem(board, debug, debug.address()).ifPresent(p -> findings.add(set.root()
                    .finding(Element.DEBUG_CONSOLE, "debug console " + p, hint(board))));
        }
        for (CheckedCell cell : set.nonRoot()) {
            Console console = cell.cell().console();
            Optional<MemoryRegion> region = ConsoleAddress.regionAt(cell, console.address());
            if (console.type() != Console.TYPE_NONE && console.isMmio() && region.isPresent()) {
                long phys = region.get().physStart() + (console.address() - region.get().virtStart());
                problem(board, console, phys).ifPresent(p -> findings.add(cell
                        .finding(Element.CONSOLE, "console " + p, hint(board))));
            }
        }
        return findings;
    }

    private static Optional<String> problem(BoardFacts board, Console console, long phys) {
        Optional<Uart> uart = board.uarts().stream().filter(u -> u.range().contains(phys)).findFirst();
        if (uart.isEmpty()) {
            return Optional.of(String.format("at 0x%x is no UART of board %s", phys, board.name()));
        }
        if (uart.get().consoleType() != console.type()) {
            return Optional.of(String.format("at 0x%x has type %s, the board's %s is %s", phys,
                    Console.TYPES.render(console.type()), uart.get().name(),
                    Console.TYPES.render(uart.get().consoleType())));
        }
        return Optional.empty();
    }

    private static String hint(BoardFacts board) {
        return "use one of the board's UARTs: " + board.uarts().stream()
                .map(u -> u.name() + " " + Console.TYPES.render(u.consoleType()) + " at 0x"
                        + Long.toHexString(u.range().first()))
                .collect(Collectors.joining(", "));
    }
}
