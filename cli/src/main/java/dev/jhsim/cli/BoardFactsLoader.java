package dev.jhsim.cli;

import dev.jhsim.boards.Boards;
import dev.jhsim.config.check.AddressRange;
import dev.jhsim.config.check.BoardFacts;
import dev.jhsim.config.check.BoardFacts.Area;
import dev.jhsim.config.model.Console;
import dev.jhsim.machine.board.BoardDescription;
import dev.jhsim.machine.board.BoardDescription.InterruptController;
import dev.jhsim.machine.board.BoardDescription.Region;
import dev.jhsim.machine.board.BoardDescriptionReader;
import dev.jhsim.machine.board.BoardFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts {@code jailhouse config check --board} checks against, taken
 * from a bundled board's description (cell-config does not know the
 * machine model, so the translation happens here).
 */
final class BoardFactsLoader {
    private BoardFactsLoader() {
    }

    static BoardFacts load(String board) {
        String json = Boards.description(board).orElseThrow(() -> new UserError(2, "jailhouse config check: unknown"
                + " board '" + board + "', expected one of " + String.join(", ", Boards.names())));
        try {
            return facts(BoardDescriptionReader.parse(json));
        } catch (BoardFormatException e) {
            throw new UserError("board " + board + ": " + e.getMessage());
        }
    }

    static BoardFacts facts(BoardDescription d) {
        InterruptController ic = d.interruptController();
        List<Area> devices = new ArrayList<>();
        for (Region r : new Region[] {ic.distributor(), ic.redistributors(), ic.cpuInterface(),
            ic.hypervisorInterface(), ic.virtualCpuInterface()}) {
            if (r != null) {
                devices.add(area(r));
            }
        }
        List<BoardFacts.Uart> uarts = new ArrayList<>();
        for (BoardDescription.Uart u : d.uarts()) {
            devices.add(area(u.region()));
            uarts.add(new BoardFacts.Uart(u.name(), (int) Console.TYPES.parse(u.type()), range(u.region())));
        }
        for (BoardDescription.PciHost pci : d.pci()) {
            devices.add(area(pci.ecam()));
            pci.mmio().forEach(w -> devices.add(area(w)));
            if (pci.pio() != null) {
                devices.add(area(pci.pio()));
            }
        }
        for (BoardDescription.Device device : d.devices()) {
            for (int i = 0; i < device.count(); i++) {
                devices.add(area(device.instance(i)));
            }
        }
        BoardFacts.Gic gic = new BoardFacts.Gic(ic.version(), ic.distributor().base(), base(ic.redistributors()),
                base(ic.cpuInterface()), base(ic.hypervisorInterface()), base(ic.virtualCpuInterface()), ic.lines(),
                ic.maintenanceIrq());
        return new BoardFacts(d.name(), d.architecture(), d.cpus().count(),
                d.memory().stream().map(BoardFactsLoader::area).toList(), devices, gic, uarts);
    }

    private static Area area(Region r) {
        return new Area(r.name(), range(r));
    }

    private static AddressRange range(Region r) {
        return AddressRange.of(r.base(), r.size()).orElseThrow();
    }

    private static long base(Region r) {
        return r == null ? 0 : r.base();
    }
}
