package dev.jhsim.cli.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script line into words the way a shell would for the commands a
 * script holds: blanks separate words; "double quotes" group and take the
 * escapes \n \r \t \\ \" ; 'single quotes' group literally; # starts a comment.
 */
final class Words {
    private Words() {
    }

    static List<String> split(String line, int number) throws ScriptException {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            if (c == '#' && word == null) {
                break;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new ScriptException(number, "unterminated ' quote");
                }
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word, number);
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends a "..." word's content from {@code start}; returns the index of its closing quote. */
    private static int doubleQuoted(String line, int start, StringBuilder word, int number) throws ScriptException {
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                if (++i == line.length()) {
                    break;
                }
                char escaped = line.charAt(i);
                switch (escaped) {
                    case 'n' -> word.append('\n');
                    case 'r' -> word.append('\r');
                    case 't' -> word.append('\t');
                    case '\\', '"' -> word.append(escaped);
                    default -> throw new ScriptException(number, "unknown escape \\" + escaped
                            + " (known: \\n \\r \\t \\\\ \\\")");
                }
            } else {
                word.append(c);
            }
        }
        throw new ScriptException(number, "unterminated \" quote");
    }
}
