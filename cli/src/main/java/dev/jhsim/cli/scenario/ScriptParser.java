package dev.jhsim.cli.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a scenario script: {@code jailhouse} commands as typed on a board
 * (the leading {@code jailhouse} is optional; a leading {@code !} expects the
 * command to fail), {@code sim} directives, comments and blank lines. See
 * docs/scenarios.md.
 */
public final class ScriptParser {
    /** The commands a scenario may run: those of a board, not those that start or run boards. */
    static final Set<String> COMMANDS = Set.of("enable", "disable", "console", "cell", "config");

    /** The states {@code expect-cell} knows: sysfs's, with blanks written as '-', and {@code absent}. */
    static final Set<String> STATES = Set.of("running", "running/locked", "shut-down", "failed",
            "failed/comm-revision", "absent");

    private ScriptParser() {
    }

    public static List<Step> parse(String script) throws ScriptException {
        List<Step> steps = new ArrayList<>();
        List<String> lines = script.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            List<String> words = Words.split(lines.get(i), i + 1);
            if (!words.isEmpty()) {
                steps.add(step(words, i + 1));
            }
        }
        return steps;
    }

    private static Step step(List<String> words, int line) throws ScriptException {
        if (words.get(0).equals("sim")) {
            return directive(words.subList(1, words.size()), line);
        }
        boolean expectFailure = words.get(0).equals("!");
        List<String> command = words.subList(expectFailure ? 1 : 0, words.size());
        if (!command.isEmpty() && command.get(0).equals("jailhouse")) {
            command = command.subList(1, command.size());
        }
        if (command.isEmpty() || !COMMANDS.contains(command.get(0))) {
            throw new ScriptException(line, "expected a jailhouse command (" + String.join(", ", COMMANDS.stream()
                    .sorted().toList()) + ") or a sim directive, found '" + String.join(" ", words) + "'");
        }
        return new Step.Command(line, command, expectFailure);
    }

    private static Step directive(List<String> words, int line) throws ScriptException {
        String name = words.isEmpty() ? "" : words.get(0);
        List<String> args = words.subList(Math.min(1, words.size()), words.size());
        switch (name) {
            case "run" -> {
                arity(args, 1, 1, "sim run DURATION", line);
                return new Step.Run(line, args.get(0), Durations.parse(args.get(0), line));
            }
            case "expect" -> {
                arity(args, 2, 4, "sim expect SOURCE \"TEXT\" [within DURATION]", line);
                String within = within(args, "text", line);
                return new Step.Expect(line, args.get(0), args.get(1), within, Durations.parse(within, line));
            }
            case "expect-cell" -> {
                arity(args, 2, 4, "sim expect-cell NAME STATE [within DURATION]", line);
                if (!STATES.contains(args.get(1))) {
                    throw new ScriptException(line, "unknown cell state '" + args.get(1) + "', expected one of "
                            + String.join(", ", STATES.stream().sorted().toList()));
                }
                String within = within(args, "state", line);
                return new Step.ExpectCell(line, args.get(0), args.get(1), within, Durations.parse(within, line));
            }
            case "input" -> {
                arity(args, 2, 2, "sim input UART \"TEXT\"", line);
                return new Step.Input(line, args.get(0), args.get(1));
            }
            case "note" -> {
                arity(args, 1, 1, "sim note \"TEXT\"", line);
                return new Step.Note(line, args.get(0));
            }
            default -> throw new ScriptException(line, "unknown directive 'sim " + name
                    + "', expected run, expect, expect-cell, input or note");
        }
    }

    /** The optional {@code within DURATION} after the first two arguments, {@code 0s} when absent. */
    private static String within(List<String> args, String after, int line) throws ScriptException {
        if (args.size() == 2) {
            return "0s";
        }
        if (args.size() != 4 || !args.get(2).equals("within")) {
            throw new ScriptException(line, "expected 'within DURATION' after the " + after + ", found '"
                    + String.join(" ", args.subList(2, args.size())) + "'");
        }
        return args.get(3);
    }

    private static void arity(List<String> args, int min, int max, String usage, int line) throws ScriptException {
        if (args.size() < min || args.size() > max) {
            throw new ScriptException(line, "expected " + usage);
        }
    }
}
