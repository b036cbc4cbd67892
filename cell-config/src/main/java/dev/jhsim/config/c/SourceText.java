package dev.jhsim.config.c;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of one source file and the mapping of its offsets to lines and
 * columns. Files are read byte for byte (ISO-8859-1), so string literals
 * keep the bytes gcc would copy; columns count like gcc's: tabs advance to
 * the next multiple of 8, UTF-8 continuation bytes take no room.
 */
final class SourceText {
    private static final int TAB_STOP = 8;

    private final String name;
    private final String text;
    private final HeaderDir home;
    private final String identity;
    private final int[] lineStarts;

    /**
     * @param name     the file name shown in diagnostics
     * @param text     the file's bytes as ISO-8859-1 characters
     * @param home     where quoted includes of this file are looked up first, or null
     * @param identity what makes two inclusions the same file (for {@code #pragma once})
     */
    SourceText(String name, String text, HeaderDir home, String identity) {
        this.name = name;
        this.text = text;
        this.home = home;
        this.identity = identity;
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    /** Text that exists only in memory, such as {@code -D} definitions. */
    static SourceText of(String name, String text) {
        return new SourceText(name, text, null, name);
    }

    String name() {
        return name;
    }

    String text() {
        return text;
    }

    HeaderDir home() {
        return home;
    }

    String identity() {
        return identity;
    }

    /** 1-based line of an offset. */
    int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based display column of an offset. */
    int column(int offset) {
        int start = lineStarts[line(offset) - 1];
        int column = 0;
        for (int i = start; i < offset && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                column += TAB_STOP - column % TAB_STOP;
            } else if (c < 0x80 || c >= 0xc0) {
                column++;
            }
        }
        return column + 1;
    }

    SourceLocation location(int offset) {
        return new SourceLocation(name, line(offset), column(offset));
    }

    /** A line's text without its line end, decoded as UTF-8 for display, tabs expanded. */
    String displayLine(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        StringBuilder expanded = new StringBuilder();
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                expanded.append(" ".repeat(TAB_STOP - expanded.length() % TAB_STOP));
            } else {
                expanded.append(c);
            }
        }
        byte[] bytes = expanded.toString().getBytes(StandardCharsets.ISO_8859_1);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
