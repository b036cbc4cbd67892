package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Console type and flags that cannot work together: ARM has no port I/O, so
 * its consoles need {@code ACCESS_MMIO} (and EFIFB is x86's); x86 drives only
 * 8250 UARTs and the EFI framebuffer. Checked for the system's debug console
 * and every cell's console.
 */
final class ConsoleType extends NamedCheck {
    ConsoleType() {
        super("console-type", "Console type and flags that do not fit");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        List<Finding> findings = new ArrayList<>();
        problem(set, set.system().debugConsole()).ifPresent(p -> findings.add(set.root()
                .finding(Element.DEBUG_CONSOLE, p, hint(set))));
        for (CheckedCell cell : set.cells()) {
            problem(set, cell.cell().console()).ifPresent(p -> findings.add(cell
                    .finding(Element.CONSOLE, p, hint(set))));
        }
        return findings;
    }

    private static Optional<String> problem(ConfigSet set, Console console) {
        String type = Console.TYPES.render(console.type());
        if (console.type() == Console.TYPE_NONE) {
            return Optional.empty();
        }
        if (type.startsWith("0x")) {
            return Optional.of("type " + type + " is unknown");
        }
        if (set.isArm() && console.type() == Console.TYPE_EFIFB) {
            return Optional.of("type EFIFB exists on x86 only");
        }
        if (set.isArm() && !console.isMmio()) {
            return Optional.of("type " + type + " without ACCESS_MMIO: ARM has no port I/O, nothing is printed");
        }
        if (!set.isArm() && console.type() != Console.TYPE_8250 && console.type() != Console.TYPE_EFIFB) {
            return Optional.of("type " + type + " is not supported on x86 (8250 and EFIFB are)");
        }
        return Optional.empty();
    }

    private static String hint(ConfigSet set) {
        return set.isArm() ? "use the UART's type with JAILHOUSE_CON_ACCESS_MMIO"
                : "use JAILHOUSE_CON_TYPE_8250 (port I/O or ACCESS_MMIO) or JAILHOUSE_CON_TYPE_EFIFB";
    }
}
