package dev.jhsim.config.c;

/** A place in a C configuration source: file as given, 1-based line and column. */
public record SourceLocation(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
