package dev.jhsim.config.c;

import java.util.Optional;

/**
 * Where the bytes of a compiled configuration came from: for a byte offset
 * in the output, the source location of the innermost initialiser that
 * covers it (e.g. the {@code { .phys_start = ... }} of memory region 3).
 */
public interface SourceMap {
    Optional<SourceLocation> locate(long offset);

    /** The map of a configuration that did not come from C. */
    SourceMap NONE = offset -> Optional.empty();
}
