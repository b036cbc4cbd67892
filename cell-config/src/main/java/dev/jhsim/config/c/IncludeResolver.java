package dev.jhsim.config.c;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds included files the way gcc does: {@code "name"} first beside the
 * including file, then (like {@code <name>}) in each {@code -I} directory in
 * order, then in jhsim's bundled headers.
 */
final class IncludeResolver {
    private final List<HeaderDir> searchPath = new ArrayList<>();

    IncludeResolver(List<Path> includeDirs, boolean bundledHeaders) {
        for (Path dir : includeDirs) {
            searchPath.add(new HeaderDir.Disk(dir));
        }
        if (bundledHeaders) {
            searchPath.add(new HeaderDir.Bundled(""));
        }
    }

    /** The included file, or null if no directory has it. */
    SourceText find(String name, boolean quoted, SourceText includer) throws IOException {
        if (Path.of(name).isAbsolute()) {
            return new HeaderDir.Disk(Path.of("/")).open(name);
        }
        if (quoted && includer.home() != null) {
            SourceText beside = includer.home().open(name);
            if (beside != null) {
                return beside;
            }
        }
        for (HeaderDir dir : searchPath) {
            SourceText found = dir.open(name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
