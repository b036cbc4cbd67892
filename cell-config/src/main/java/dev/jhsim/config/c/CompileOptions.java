package dev.jhsim.config.c;

import dev.jhsim.config.model.Layout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to compile a configuration source, as gcc's options would say it:
 * {@code -I} directories (searched in order, before jhsim's bundled headers),
 * {@code -D}/{@code -U} in command-line order, and {@code -include} files.
 */
public record CompileOptions(List<Path> includeDirs, List<MacroOption> macros, List<Path> forcedIncludes,
        boolean bundledHeaders) {

    /** A {@code -D NAME[=VALUE]} or {@code -U NAME}, applied in order. */
    public sealed interface MacroOption {
    }

    public record Define(String definition) implements MacroOption {
    }

    public record Undefine(String name) implements MacroOption {
    }

    /** No options: jhsim's bundled headers, which default to upstream revision 14. */
    public static final CompileOptions DEFAULT = new CompileOptions(List.of(), List.of(), List.of(), true);

    public CompileOptions {
        includeDirs = List.copyOf(includeDirs);
        macros = List.copyOf(macros);
        forcedIncludes = List.copyOf(forcedIncludes);
    }

    public CompileOptions withIncludeDir(Path dir) {
        return new CompileOptions(append(includeDirs, dir), macros, forcedIncludes, bundledHeaders);
    }

    /** {@code -D NAME} or {@code -D NAME=VALUE}. */
    public CompileOptions withDefine(String definition) {
        return new CompileOptions(includeDirs, append(macros, new Define(definition)), forcedIncludes, bundledHeaders);
    }

    public CompileOptions withUndefine(String name) {
        return new CompileOptions(includeDirs, append(macros, new Undefine(name)), forcedIncludes, bundledHeaders);
    }

    public CompileOptions withForcedInclude(Path file) {
        return new CompileOptions(includeDirs, macros, append(forcedIncludes, file), bundledHeaders);
    }

    /** Leaves jhsim's headers off the search path, e.g. to compile against another tree's headers. */
    public CompileOptions withoutBundledHeaders() {
        return new CompileOptions(includeDirs, macros, forcedIncludes, false);
    }

    /** Selects a layout of the bundled headers: {@code -DJHSIM_REVISION=12|13} or {@code -DJHSIM_MINERVASYS}. */
    public CompileOptions withLayout(Layout layout) {
        return switch (layout) {
            case V12 -> withDefine("JHSIM_REVISION=12");
            case V13 -> withDefine("JHSIM_REVISION=13");
            case V14 -> this;
            case MINERVASYS -> withDefine("JHSIM_MINERVASYS");
        };
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
