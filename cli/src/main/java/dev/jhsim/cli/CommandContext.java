package dev.jhsim.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a command runs against: the board, the directory relative file names
 * start from (the current one on the command line), and the environment
 * (which board {@code JAILHOUSE_BOARD} selects, where the runtime directory is).
 */
public record CommandContext(BoardAccess board, Path directory, Map<String, String> environment) {
    public CommandContext {
        environment = Map.copyOf(environment);
    }

    /** Resolves a file name the user gave, as the process would from {@link #directory()}. */
    public Path resolve(String file) {
        return directory.resolve(file);
    }
}
