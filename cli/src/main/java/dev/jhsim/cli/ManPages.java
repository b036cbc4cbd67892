package dev.jhsim.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Man pages in section 8, written from the command model: {@code jailhouse(8)}
 * for the command set and {@code jailhouse-COMMAND(8)} for each command, so
 * they say exactly what {@code --help} says.
 */
final class ManPages {
    private ManPages() {
    }

    /** Every page by name ({@code jailhouse}, {@code jailhouse-cell}, ...), the main page first. */
    static Map<String, String> all(CommandLine jailhouse, String version) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("jailhouse", page(jailhouse, "jailhouse", version));
        for (CommandLine command : visible(jailhouse)) {
            String name = "jailhouse-" + command.getCommandName();
            pages.put(name, page(command, name, version));
        }
        return pages;
    }

    private static List<CommandLine> visible(CommandLine command) {
        return command.getSubcommands().values().stream()
                .filter(c -> !c.getCommandSpec().usageMessage().hidden()).toList();
    }

    private static String page(CommandLine command, String name, String version) {
        CommandSpec spec = command.getCommandSpec();
        StringBuilder page = new StringBuilder();
        page.append(".TH \"").append(name.toUpperCase(Locale.ROOT)).append("\" \"8\" \"\" \"jhsim ").append(version)
                .append("\" \"Jailhouse Manual\"\n");
        page.append(".SH NAME\n").append(escape(name)).append(" \\- ")
                .append(escape(firstSentence(spec.usageMessage().description()))).append('\n');
        page.append(".SH SYNOPSIS\n.nf\n");
        synopses(command, page);
        page.append(".fi\n.SH DESCRIPTION\n");
        paragraph(page, spec.usageMessage().description());
        if (!visible(command).isEmpty()) {
            page.append(".SH COMMANDS\n");
            for (CommandLine sub : visible(command)) {
                page.append(".TP\n.B ").append(escape(sub.getCommandSpec().qualifiedName())).append('\n');
                paragraph(page, sub.getCommandSpec().usageMessage().description());
                arguments(sub.getCommandSpec(), page, ".RS\n", ".RE\n");
            }
        }
        if (!spec.positionalParameters().isEmpty() || !spec.options().isEmpty()) {
            page.append(".SH OPTIONS\n");
            arguments(spec, page, "", "");
        }
        page.append(".SH SEE ALSO\n");
        page.append(name.equals("jailhouse") ? "jailhouse-cell(8), jailhouse-enable(8), jailhouse-board(8)"
                : "jailhouse(8)").append('\n');
        return page.toString();
    }

    /** The synopsis of the command and of each of its subcommands, one per line. */
    private static void synopses(CommandLine command, StringBuilder page) {
        List<CommandLine> subs = visible(command);
        if (subs.isEmpty() || command.getCommandSpec().parent() != null) {
            page.append(escape(synopsis(command))).append('\n');
        }
        for (CommandLine sub : subs) {
            page.append(escape(synopsis(sub))).append('\n');
        }
    }

    private static String synopsis(CommandLine command) {
        return new Help(command.getCommandSpec(), Help.defaultColorScheme(Help.Ansi.OFF)).synopsis(0)
                .replaceFirst("^Usage: ", "").replaceAll("\\s+", " ").trim();
    }

    private static void arguments(CommandSpec spec, StringBuilder page, String open, String close) {
        if (spec.positionalParameters().isEmpty() && spec.options().isEmpty()) {
            return;
        }
        page.append(open);
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            if (!parameter.hidden()) {
                item(page, "\\fI" + escape(parameter.paramLabel()) + "\\fR", parameter.description());
            }
        }
        for (OptionSpec option : spec.options()) {
            if (!option.hidden() && !option.usageHelp() && !option.versionHelp()) {
                String names = String.join(", ", List.of(option.names()).stream()
                        .map(n -> "\\fB" + escape(n) + "\\fR").toList());
                String label = option.typeInfo().isBoolean() ? "" : " \\fI" + escape(option.paramLabel()) + "\\fR";
                item(page, names + label, option.description());
            }
        }
        page.append(close);
    }

    private static void item(StringBuilder page, String term, String[] description) {
        page.append(".TP\n").append(term).append('\n');
        paragraph(page, description);
    }

    private static void paragraph(StringBuilder page, String[] lines) {
        page.append(escape(String.join(" ", lines).replace("${DEFAULT-VALUE}", "the default"))).append('\n');
    }

    private static String firstSentence(String[] description) {
        String text = String.join(" ", description);
        int end = text.indexOf(". ");
        return end < 0 ? text.replaceFirst("\\.$", "") : text.substring(0, end);
    }

    /** Text safe for troff: backslashes, hyphens, and a leading dot or quote. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
