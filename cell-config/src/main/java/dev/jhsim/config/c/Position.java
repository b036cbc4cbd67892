package dev.jhsim.config.c;

/** A span of source text a token came from: where diagnostics point. */
record Position(SourceText source, int offset, int length) {
    SourceLocation location() {
        return source.location(offset);
    }
}
