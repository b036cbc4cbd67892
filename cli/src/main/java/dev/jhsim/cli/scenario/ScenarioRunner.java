package dev.jhsim.cli.scenario;

import dev.jhsim.hypervisor.driver.CellStatus;
import dev.jhsim.hypervisor.driver.JailhouseDriver;
import dev.jhsim.hypervisor.session.BoardSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs a scenario on a board in this process, deterministically: virtual time
 * only advances in {@code sim} directives, and the log (UART lines, console
 * lines, commands and their output, each behind a stable prefix) is the same
 * byte for byte on every run.
 */
public final class ScenarioRunner {
    /** Virtual time between two looks at the hypervisor console during {@code sim run}. */
    static final long CONSOLE_POLL_PS = 10_000_000_000L;

    private static final Pattern PLAIN_WORD = Pattern.compile("[\\w./:=,+@%^-]+");

    /** Runs one {@code jailhouse} command line and returns its exit status. */
    @FunctionalInterface
    public interface Commands {
        int run(List<String> arguments, PrintWriter out, PrintWriter err);
    }

    private final BoardSession session;
    private final Commands commands;
    private final PrintWriter log;
    private final Map<String, OutputChannel> uarts = new LinkedHashMap<>();
    private final OutputChannel console;
    private long consolePosition;

    public ScenarioRunner(BoardSession session, Commands commands, PrintWriter log) {
        this.session = session;
        this.commands = commands;
        this.log = log;
        for (String uart : session.uarts()) {
            uarts.put(uart, new OutputChannel(uart, log));
        }
        this.console = new OutputChannel("console", log);
        session.addUartListener((uart, value) -> uarts.get(uart).append(value));
    }

    /** Runs the steps in order; the first failed command or expectation ends the run. */
    public void run(List<Step> steps) throws ScriptException {
        try {
            for (Step step : steps) {
                execute(step);
                log.flush();
            }
        } finally {
            readConsole();
            uarts.values().forEach(OutputChannel::finish);
            console.finish();
            log.flush();
        }
    }

    private void execute(Step step) throws ScriptException {
        if (step instanceof Step.Command c) {
            command(c);
        } else if (step instanceof Step.Run r) {
            log.println("[sim] run " + r.duration());
            for (long left = r.picoseconds(); left > 0; left -= CONSOLE_POLL_PS) {
                session.run(Math.min(left, CONSOLE_POLL_PS));
                readConsole();
            }
        } else if (step instanceof Step.Expect e) {
            expect(e);
        } else if (step instanceof Step.ExpectCell e) {
            expectCell(e);
        } else if (step instanceof Step.Input i) {
            log.println("[sim] input " + i.uart() + " " + quote(i.text()));
            channel(i.uart(), i.line());
            session.sendToUart(i.uart(), i.text().getBytes(StandardCharsets.UTF_8));
        } else if (step instanceof Step.Note n) {
            log.println("[note] " + n.text());
        }
    }

    private void command(Step.Command c) throws ScriptException {
        String shown = "jailhouse " + String.join(" ", c.arguments().stream().map(ScenarioRunner::quoted).toList());
        log.println("[cmd] " + (c.expectFailure() ? "! " : "") + shown);
        log.flush();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        boolean consoleWasOnUart = session.debugConsoleUart().isPresent();
        int status = commands.run(c.arguments(), new PrintWriter(out), new PrintWriter(err));
        readConsole(consoleWasOnUart);
        out.toString().lines().forEach(line -> log.println("[out] " + line.stripTrailing()));
        err.toString().lines().forEach(line -> log.println("[err] " + line.stripTrailing()));
        if (status != 0) {
            log.println("[exit] " + status);
        }
        if (status != 0 && !c.expectFailure()) {
            throw new ScriptException(c.line(), "'" + shown + "' failed with exit status " + status
                    + err.toString().lines().findFirst().map(line -> ": " + line).orElse(""));
        }
        if (status == 0 && c.expectFailure()) {
            throw new ScriptException(c.line(), "'" + shown + "' was expected to fail, but succeeded");
        }
    }

    private void expect(Step.Expect e) throws ScriptException {
        log.println("[sim] expect " + e.source() + " " + quote(e.text()) + " within " + e.within());
        OutputChannel channel = e.source().equals("console") ? console : channel(e.source(), e.line());
        boolean seen = session.runUntil(() -> {
            readConsole();
            return channel.consume(e.text());
        }, e.withinPicoseconds()) || channel.consume(e.text());
        if (!seen) {
            throw new ScriptException(e.line(), "expected " + quote(e.text()) + " on " + e.source() + " within "
                    + e.within() + ", not seen");
        }
    }

    private void expectCell(Step.ExpectCell e) throws ScriptException {
        log.println("[sim] expect-cell " + e.cell() + " " + e.state() + " within " + e.within());
        JailhouseDriver driver = session.driver();
        boolean reached = session.runUntil(() -> state(driver, e.cell()).equals(e.state()), e.withinPicoseconds())
                || state(driver, e.cell()).equals(e.state());
        readConsole();
        if (!reached) {
            throw new ScriptException(e.line(), "expected cell " + e.cell() + " to be " + e.state() + " within "
                    + e.within() + ", it is " + state(driver, e.cell()));
        }
    }

    /** A cell's state as scripts write it ({@code shut-down}), or {@code absent}. */
    private static String state(JailhouseDriver driver, String cell) {
        Optional<CellStatus> status = driver.cells().stream().filter(c -> c.name().equals(cell)).findFirst();
        return status.map(s -> s.state().replace(' ', '-')).orElse("absent");
    }

    private OutputChannel channel(String uart, int line) throws ScriptException {
        OutputChannel channel = uarts.get(uart);
        if (channel == null) {
            throw new ScriptException(line, "no UART '" + uart + "' on board " + session.boardName()
                    + " (it has " + String.join(", ", uarts.keySet()) + "; the hypervisor's is 'console')");
        }
        return channel;
    }

    /**
     * Takes in new hypervisor console text. When the debug console is one of
     * the board's UARTs its text is already in that UART's log lines, so it is
     * kept for {@code sim expect console} but not printed a second time.
     */
    private void readConsole() {
        readConsole(false);
    }

    /**
     * Like {@link #readConsole()}; {@code consoleWasOnUart} covers text written
     * before a command that disabled the hypervisor (and with it the answer
     * to where its console goes).
     */
    private void readConsole(boolean consoleWasOnUart) {
        JailhouseDriver.ConsoleRead read = session.driver().console(consolePosition);
        consolePosition = read.nextPosition();
        console.setEcho(!consoleWasOnUart && session.debugConsoleUart().isEmpty());
        console.append(read.text());
    }

    /** An argument as it would be typed: quoted when it holds blanks or special characters. */
    static String quoted(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : quote(word);
    }

    /** Text in double quotes, with the escapes scripts use. */
    static String quote(String word) {
        return '"' + word.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t") + '"';
    }
}
