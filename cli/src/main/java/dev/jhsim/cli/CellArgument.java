package dev.jhsim.cli;

import dev.jhsim.hypervisor.driver.CellRef;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tool's {@code { ID | [--name] NAME }} argument, with upstream's rules: a
 * non-negative number in C notation (decimal, {@code 0x} hex, leading-zero
 * octal) is an ID, anything else a name, cut to the 31 bytes the ioctl holds.
 */
final class CellArgument {
    /** {@code JAILHOUSE_CELL_ID_NAMELEN}: the name field's size without its terminator. */
    static final int NAME_LENGTH = 31;

    private static final Pattern NUMBER = Pattern.compile("\\s*\\+?(?:0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9][0-9]*))");

    private CellArgument() {
    }

    /** An argument given without {@code --name}. */
    static CellRef parse(String argument) {
        Matcher m = NUMBER.matcher(argument);
        if (m.matches()) {
            try {
                long id = m.group(1) != null ? Long.parseLong(m.group(1), 16)
                        : m.group(2) != null ? Long.parseLong(m.group(2), 8) : Long.parseLong(m.group(3));
                if (id <= Integer.MAX_VALUE) {
                    return CellRef.byId((int) id);
                }
            } catch (NumberFormatException e) {
                // Too large for an ID: a name, as upstream's strtoll overflow makes it.
            }
        }
        return name(argument);
    }

    /** An argument given with {@code --name}. */
    static CellRef name(String name) {
        return CellRef.byName(name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH) : name);
    }
}
