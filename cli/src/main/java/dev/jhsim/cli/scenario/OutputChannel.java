package dev.jhsim.cli.scenario;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * One source of output in a scenario (a UART, the hypervisor console): its
 * bytes are printed to the log a line at a time behind a stable prefix, and
 * kept for {@code sim expect}, which consumes them like a terminal's
 * {@code expect}: each match starts where the last one ended.
 */
final class OutputChannel {
    private final String prefix;
    private final PrintWriter log;
    private final StringBuilder lines = new StringBuilder();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private int cursor;
    private boolean echo = true;

    OutputChannel(String name, PrintWriter log) {
        this.prefix = "[" + name + "] ";
        this.log = log;
    }

    /** Whether lines are printed to the log (they are kept for {@link #consume} either way). */
    void setEcho(boolean echo) {
        this.echo = echo;
    }

    void append(byte value) {
        if (value == '\n') {
            String line = partial.toString(StandardCharsets.UTF_8);
            partial.reset();
            lines.append(line).append('\n');
            if (echo) {
                log.println(prefix + line.stripTrailing());
            }
        } else {
            partial.write(value);
        }
    }

    void append(String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            append(b);
        }
    }

    /** Finds {@code text} in the output after the last match; on success the next search starts after it. */
    boolean consume(String text) {
        String unread = (lines + partial.toString(StandardCharsets.UTF_8)).substring(cursor);
        int at = unread.indexOf(text);
        if (at < 0) {
            return false;
        }
        cursor += at + text.length();
        return true;
    }

    /** Prints an unfinished last line, if any. */
    void finish() {
        if (partial.size() > 0 && echo) {
            log.println(prefix + partial.toString(StandardCharsets.UTF_8).stripTrailing());
            partial.reset();
        }
    }
}
