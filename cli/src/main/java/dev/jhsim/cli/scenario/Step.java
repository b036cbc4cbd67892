package dev.jhsim.cli.scenario;

import java.util.List;

/** One line of a scenario script that does something. */
public sealed interface Step {
    /** The 1-based script line. */
    int line();

    /** A {@code jailhouse} command; {@code expectFailure} for a line starting with {@code !}. */
    record Command(int line, List<String> arguments, boolean expectFailure) implements Step {
        public Command {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code sim run DURATION}. */
    record Run(int line, String duration, long picoseconds) implements Step {
    }

    /** {@code sim expect SOURCE "TEXT" [within DURATION]}: SOURCE is a UART or {@code console}. */
    record Expect(int line, String source, String text, String within, long withinPicoseconds) implements Step {
    }

    /** {@code sim expect-cell NAME STATE [within DURATION]}. */
    record ExpectCell(int line, String cell, String state, String within, long withinPicoseconds) implements Step {
    }

    /** {@code sim input UART "TEXT"}. */
    record Input(int line, String uart, String text) implements Step {
    }

    /** {@code sim note "TEXT"}. */
    record Note(int line, String text) implements Step {
    }
}
