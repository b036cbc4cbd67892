package dev.jhsim.cli.scenario;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Virtual durations in scripts: {@code 2s}, {@code 1.5s}, {@code 500ms}, {@code 100us}, {@code 20ns}. */
final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(s|ms|us|ns)");

    private Durations() {
    }

    /** The duration in picoseconds. */
    static long parse(String text, int line) throws ScriptException {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new ScriptException(line, "invalid duration '" + text + "', expected e.g. 2s, 500ms, 100us, 20ns");
        }
        BigDecimal picosPerUnit = BigDecimal.TEN.pow(switch (m.group(2)) {
            case "s" -> 12;
            case "ms" -> 9;
            case "us" -> 6;
            default -> 3;
        });
        try {
            return new BigDecimal(m.group(1)).multiply(picosPerUnit).longValueExact();
        } catch (ArithmeticException e) {
            throw new ScriptException(line, "duration '" + text + "' is not a whole number of picoseconds"
                    + " or too long");
        }
    }
}
