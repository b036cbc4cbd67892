package dev.jhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jhsim.config.check.Check;
import dev.jhsim.config.check.checks.Checks;
import dev.jhsim.fixtures.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/config-check.md is the checker's catalogue and its test suite: for
 * every check it shows a bad example with the exact output it gives and a
 * fixed example that passes. This test runs every command of the page on the
 * files in docs/config-check/, so the page, the fixtures and the checker
 * cannot drift apart.
 */
class ConfigCheckCatalogueTest {
    private static final Path PAGE = Repo.path("docs/config-check.md");
    private static final Path EXAMPLES = Repo.path("docs/config-check");
    private static final Pattern HEADING = Pattern.compile("^### `([a-z0-9-]+)`: (.+)$");
    private static final Pattern LINK = Pattern.compile("\\(config-check/([^)]+\\.json)\\)");
    private static final List<Entry> ENTRIES = parse();

    /** A command of the page (without "jailhouse ") and, for a bad example, the report section it must print. */
    record Example(String command, String expectedSection) {
    }

    /** A JSON excerpt and the example file it must be part of. */
    record Excerpt(String file, String json) {
    }

    /** One check's part of the page. */
    record Entry(String id, List<Example> examples, List<Excerpt> excerpts) {
    }

    @Test
    void thePageDescribesEveryCheckOfTheTableInItsOrder() {
        assertEquals(Checks.ALL.stream().map(Check::id).toList(), ENTRIES.stream().map(Entry::id).toList());
    }

    @Test
    void everyExampleFileIsUsedByACommand() throws IOException {
        Set<String> used = ENTRIES.stream().flatMap(e -> e.examples().stream())
                .flatMap(x -> Stream.of(x.command().split(" "))).filter(a -> a.endsWith(".json"))
                .collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            Set<String> present = files.filter(f -> f.toString().endsWith(".json"))
                    .map(f -> EXAMPLES.relativize(f).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(present, used);
        }
    }

    @TestFactory
    Stream<DynamicTest> badExamplesGiveExactlyTheOutputShown() {
        return ENTRIES.stream().map(entry -> dynamicTest(entry.id() + ": the bad example is caught", () -> {
            List<Example> bad = entry.examples().stream().filter(x -> x.expectedSection() != null).toList();
            assertFalse(bad.isEmpty(), "no bad example with its output");
            for (Example example : bad) {
                CliRun run = run(example.command(), false);
                assertEquals(1, run.status(), example.command() + "\n" + run.out() + run.err());
                JsonNode report = new ObjectMapper().readTree(run(example.command(), true).out());
                assertTrue(findings(report, entry.id()) > 0, entry.id() + " found nothing: " + run.out());
                assertEquals(example.expectedSection(), section(run.out(), report, entry.id()), example.command());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> fixedExamplesPassEveryCheck() {
        return ENTRIES.stream().map(entry -> dynamicTest(entry.id() + ": the fixed example passes", () -> {
            List<Example> good = entry.examples().stream().filter(x -> x.expectedSection() == null).toList();
            assertFalse(good.isEmpty(), "no fixed example");
            for (Example example : good) {
                CliRun run = run(example.command(), false);
                assertEquals(0, run.status(), example.command() + "\n" + run.out() + run.err());
                assertEquals("", run.err());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> excerptsArePartOfTheirFiles() {
        return ENTRIES.stream().map(entry -> dynamicTest(entry.id() + ": the excerpts are from the files", () -> {
            assertFalse(entry.excerpts().isEmpty(), "no excerpt");
            for (Excerpt excerpt : entry.excerpts()) {
                String file = Files.readString(EXAMPLES.resolve(excerpt.file()));
                assertTrue(squeeze(file).contains(squeeze(excerpt.json())), excerpt.file() + " lacks:\n"
                        + excerpt.json());
            }
        }));
    }

    /** Runs a command of the page on the example files, with their paths as the page writes them. */
    private static CliRun run(String command, boolean json) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.replaceAll(a -> a.endsWith(".json") ? EXAMPLES.resolve(a).toString() : a);
        if (json) {
            args.add("--json");
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        String prefix = EXAMPLES + java.io.File.separator;
        return new CliRun(run.status(), run.out().replace(prefix, ""), run.err().replace(prefix, ""));
    }

    private static int findings(JsonNode report, String id) {
        for (JsonNode check : report.get("checks")) {
            if (check.get("id").asText().equals(id)) {
                return check.get("findings").size();
            }
        }
        throw new AssertionError("check " + id + " did not run");
    }

    /** The lines of the text report from check {@code id}'s title to the next section, trailing blanks cut. */
    private static String section(String text, JsonNode report, String id) {
        List<String> titles = new ArrayList<>();
        int index = -1;
        for (JsonNode check : report.get("checks")) {
            if (check.get("id").asText().equals(id)) {
                index = titles.size();
            }
            titles.add(check.get("title").asText());
        }
        List<String> lines = text.lines().map(String::stripTrailing).toList();
        int first = lines.indexOf(titles.get(index) + ":");
        int end = first + 1;
        while (end < lines.size() && (index + 1 == titles.size() || !lines.get(end).startsWith(titles.get(index + 1)
                + ":"))) {
            end++;
        }
        List<String> section = new ArrayList<>(lines.subList(first, end));
        while (!section.isEmpty() && section.get(section.size() - 1).isEmpty()) {
            section.remove(section.size() - 1);
        }
        return String.join("\n", section);
    }

    private static String squeeze(String json) {
        return json.replaceAll("\\s+", " ").trim();
    }

    /** Reads the page: headings start entries, links name the file of the next excerpt, code blocks follow. */
    private static List<Entry> parse() {
        List<String> lines;
        try {
            lines = Files.readAllLines(PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        String lastLink = null;
        String lastBlock = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                entries.add(new Entry(heading.group(1), new ArrayList<>(), new ArrayList<>()));
                lastBlock = null;
                continue;
            }
            if (!line.startsWith("```") || entries.isEmpty()) {
                Matcher link = LINK.matcher(line);
                while (link.find()) {
                    lastLink = link.group(1);
                }
                if (!line.isBlank()) {
                    lastBlock = null;
                }
                continue;
            }
            String kind = line.substring(3);
            List<String> body = new ArrayList<>();
            for (i++; !lines.get(i).equals("```"); i++) {
                body.add(lines.get(i).stripTrailing());
            }
            Entry entry = entries.get(entries.size() - 1);
            switch (kind) {
                case "json" -> entry.excerpts().add(new Excerpt(lastLink, String.join("\n", body)));
                case "sh" -> body.stream().filter(l -> l.startsWith("jailhouse config check "))
                        .forEach(l -> entry.examples().add(new Example(l.substring("jailhouse ".length()), null)));
                case "text" -> {
                    if (!"sh".equals(lastBlock)) {
                        throw new IllegalStateException(PAGE + ":" + (i + 1) + ": output block without a command");
                    }
                    Example last = entry.examples().remove(entry.examples().size() - 1);
                    entry.examples().add(new Example(last.command(), String.join("\n", body)));
                }
                default -> throw new IllegalStateException(PAGE + ":" + (i + 1) + ": unexpected block " + kind);
            }
            lastBlock = kind;
        }
        return entries;
    }
}
