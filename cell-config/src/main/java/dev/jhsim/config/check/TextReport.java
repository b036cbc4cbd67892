package dev.jhsim.config.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The text report, shaped like upstream's {@code jailhouse-config-check}: the
 * files read, then each check's title followed by {@code None} or its
 * findings, each as upstream prints them plus a hint line.
 */
public final class TextReport {
    private TextReport() {
    }

    public static String render(CheckReport report) {
        ConfigSet set = report.set();
        StringBuilder out = new StringBuilder("Reading configuration set:\n");
        out.append("  Architecture:  ").append(set.architecture()).append('\n');
        set.board().ifPresent(b -> out.append("  Board:         ").append(b.name()).append('\n'));
        for (CheckedCell cell : set.cells()) {
            out.append(cell.root() ? "  Root cell:     " : "  Non-root cell: ").append(cell.name())
                    .append(" (").append(cell.input().fileName()).append(")\n");
        }
        for (CheckReport.Section section : report.sections()) {
            out.append(section.title()).append(':');
            if (section.findings().isEmpty()) {
                out.append(" None\n");
                continue;
            }
            for (Finding finding : section.findings()) {
                out.append("\n\n").append(String.join("\n", lines(finding)));
            }
            out.append("\n\n");
        }
        return out.toString();
    }

    /** One finding: where, the element's description, the problem, what it conflicts with, the hint. */
    public static List<String> lines(Finding finding) {
        List<String> lines = new ArrayList<>();
        lines.add("In cell '" + finding.cell() + "', " + finding.element()
                + finding.location().map(l -> " (" + l + ")").orElse(""));
        lines.addAll(finding.details());
        lines.add(finding.problem());
        lines.addAll(finding.related());
        lines.add("hint: " + finding.hint());
        return lines;
    }
}
