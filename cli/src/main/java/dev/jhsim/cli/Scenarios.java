package dev.jhsim.cli;

import dev.jhsim.cli.scenario.ScenarioRunner;
import dev.jhsim.cli.scenario.ScriptException;
import dev.jhsim.cli.scenario.ScriptParser;
import dev.jhsim.cli.scenario.Step;
import dev.jhsim.hypervisor.session.BoardSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a scenario script on a board opened in this process, with the command line's own commands. */
final class Scenarios {
    private Scenarios() {
    }

    /**
     * Parses and runs {@code script} (named {@code name} in errors) on a new
     * session of {@code board}, files relative to {@code directory}; the log
     * goes to {@code log}. A failure is one {@link UserError} line naming the
     * script line: exit status 2 for a script that cannot run, 1 for a failed
     * command or expectation.
     */
    static void run(String board, String name, String script, Path directory, Map<String, String> environment,
            PrintWriter log) {
        List<Step> steps;
        try {
            steps = ScriptParser.parse(script);
        } catch (ScriptException e) {
            throw new UserError(2, name + ":" + e.line() + ": " + e.getMessage());
        }
        try (BoardSession session = BoardOpener.open(board)) {
            CommandContext context = new CommandContext(new SessionBoardAccess(session), directory, environment);
            ScenarioRunner runner = new ScenarioRunner(session,
                    (arguments, out, err) -> Main.run(out, err, context, arguments.toArray(new String[0])), log);
            runner.run(steps);
        } catch (ScriptException e) {
            throw new UserError(1, name + ":" + e.line() + ": " + e.getMessage());
        }
    }
}
