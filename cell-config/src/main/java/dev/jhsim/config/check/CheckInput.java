package dev.jhsim.config.check;

import dev.jhsim.config.c.SourceMap;
import dev.jhsim.config.model.ConfigFile;

/**
 * One configuration file of a checked set, as it entered the checker: the
 * name the user gave, the loaded configuration and where its bytes came from
 * ({@link SourceMap#NONE} for binary and JSON input; a C compiler's map for C
 * sources, so findings can name the initialiser's {@code file:line}).
 */
public record CheckInput(String fileName, ConfigFile file, SourceMap sourceMap) {
    public CheckInput {
        if (fileName == null || file == null || sourceMap == null) {
            throw new IllegalArgumentException("a check input needs a file name, a configuration and a source map");
        }
    }

    /** A binary or JSON configuration, which has no source map. */
    public static CheckInput of(String fileName, ConfigFile file) {
        return new CheckInput(fileName, file, SourceMap.NONE);
    }
}
