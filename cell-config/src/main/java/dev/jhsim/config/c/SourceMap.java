package dev.jhsim.config.c;

import java.util.Optional;

/**
 * Where the bytes of a compiled configuration came from: for a range of
 * bytes in the output, the source location of the innermost initialiser that
 * covers all of it. Ask for a whole element (e.g. memory region 3's offset and
 * size) to get the {@code {} of its initialiser, or for one field to get the
 * designator or expression that set it.
 */
@FunctionalInterface
public interface SourceMap {
    /** The innermost initialiser covering bytes {@code offset} to {@code offset + size - 1}. */
    Optional<SourceLocation> locate(long offset, long size);

    /** The innermost initialiser covering the byte at {@code offset}. */
    default Optional<SourceLocation> locate(long offset) {
        return locate(offset, 1);
    }

    /** The map of a configuration that did not come from C. */
    SourceMap NONE = (offset, size) -> Optional.empty();
}
