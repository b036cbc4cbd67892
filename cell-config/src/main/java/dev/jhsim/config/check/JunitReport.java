package dev.jhsim.config.check;

import java.util.List;

/**
 * The report as JUnit XML ({@code --junit FILE}) for CI systems: one test
 * case per check and cell, failed when the check found something in that
 * cell. No timestamps or durations, so the same input gives the same file.
 */
public final class JunitReport {
    private static final String SUITE = "jailhouse config check";

    private JunitReport() {
    }

    public static String render(CheckReport report) {
        List<CheckedCell> cells = report.set().cells();
        int tests = report.sections().size() * cells.size();
        long failures = report.sections().stream()
                .mapToLong(s -> s.findings().stream().map(Finding::cell).distinct().count()).sum();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append(String.format("<testsuites name=\"%s\" tests=\"%d\" failures=\"%d\">\n", SUITE, tests, failures));
        xml.append(String.format("  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\">\n",
                SUITE, tests, failures));
        for (CheckReport.Section section : report.sections()) {
            for (CheckedCell cell : cells) {
                List<Finding> found = section.findings().stream().filter(f -> f.cell().equals(cell.name())).toList();
                xml.append(String.format("    <testcase classname=\"config-check.%s\" name=\"%s\"",
                        escape(section.id()), escape(cell.name())));
                if (found.isEmpty()) {
                    xml.append("/>\n");
                    continue;
                }
                Finding first = found.get(0);
                String message = first.element() + ": " + first.problem()
                        + (found.size() > 1 ? " (and " + (found.size() - 1) + " more)" : "");
                xml.append(">\n      <failure type=\"").append(escape(section.id())).append("\" message=\"")
                        .append(escape(message)).append("\">");
                for (Finding f : found) {
                    xml.append(escape(String.join("\n", TextReport.lines(f)))).append("\n\n");
                }
                xml.append("</failure>\n    </testcase>\n");
            }
        }
        return xml.append("  </testsuite>\n</testsuites>\n").toString();
    }

    /** Text as XML attribute or element content: markup characters escaped, control characters XML forbids dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
