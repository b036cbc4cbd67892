package dev.jhsim.config.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jhsim.config.json.JsonForm;

/** The report as JSON ({@code --json}), for tools: the set, then every check with its findings. */
public final class JsonReport {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonReport() {
    }

    public static String render(CheckReport report) {
        ConfigSet set = report.set();
        ObjectNode root = NODES.objectNode();
        root.put("architecture", set.architecture());
        set.board().ifPresent(b -> root.put("board", b.name()));
        ArrayNode cells = root.putArray("cells");
        for (CheckedCell cell : set.cells()) {
            cells.addObject().put("name", cell.name()).put("role", cell.root() ? "root" : "non-root")
                    .put("file", cell.input().fileName());
        }
        root.put("findings", report.findingCount());
        ArrayNode checks = root.putArray("checks");
        for (CheckReport.Section section : report.sections()) {
            ObjectNode check = checks.addObject().put("id", section.id()).put("title", section.title());
            ArrayNode findings = check.putArray("findings");
            for (Finding f : section.findings()) {
                ObjectNode node = findings.addObject().put("cell", f.cell()).put("element", f.element().kind().label());
                if (f.element().kind().indexed()) {
                    node.put("index", f.element().index());
                }
                f.location().ifPresent(l -> node.putObject("location").put("file", l.file()).put("line", l.line())
                        .put("column", l.column()));
                node.put("problem", f.problem()).put("hint", f.hint());
            }
        }
        return JsonForm.print(root);
    }
}
