package dev.jhsim.config;

import dev.jhsim.config.binary.ConfigReader;
import dev.jhsim.config.binary.LayoutHint;
import dev.jhsim.config.c.CompileException;
import dev.jhsim.config.c.CompileOptions;
import dev.jhsim.config.c.CompileResult;
import dev.jhsim.config.c.ConfigCompiler;
import dev.jhsim.config.c.SourceMap;
import dev.jhsim.config.json.JsonForm;
import dev.jhsim.config.model.ConfigFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a configuration in any of its forms: binary and JSON told apart by
 * content, C sources by their {@code .c} extension.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** The form of a configuration's bytes. */
    public enum Form { BINARY, JSON }

    /** Binary files start with a Jailhouse signature, JSON files with '{'. */
    public static Form detect(byte[] data) {
        for (byte b : data) {
            if (b == '{') {
                return Form.JSON;
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                break;
            }
        }
        return Form.BINARY;
    }

    /**
     * A loaded configuration, what the user should know about it (e.g. ignored
     * trailing bytes) and, for a C source, where its bytes came from.
     */
    public record Loaded(ConfigFile file, List<String> warnings, SourceMap sourceMap) {
        public Loaded(ConfigFile file, List<String> warnings) {
            this(file, warnings, SourceMap.NONE);
        }
    }

    /** Whether a file is a C configuration source, going by its name. */
    public static boolean isCSource(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(".c");
    }

    /** A compiled C source: the compiler's result (gcc's bytes, source map) and the configuration read from it. */
    public record CompiledSource(CompileResult compiled, Loaded loaded) {
    }

    /**
     * Compiles a C source (jhsim's bundled headers are searched after the
     * options' {@code -I} directories) and reads the bytes it gives. The
     * warnings of both steps are complete gcc-style lines naming the source.
     */
    public static CompiledSource compileC(Path source, CompileOptions options, LayoutHint hint)
            throws CompileException, ConfigFormatException {
        CompileResult compiled = ConfigCompiler.compile(source, options);
        Loaded read = parse(compiled.bytes(), hint);
        List<String> warnings = new ArrayList<>(compiled.warnings());
        for (String warning : read.warnings()) {
            warnings.add(source + ": warning: " + warning);
        }
        return new CompiledSource(compiled, new Loaded(read.file(), List.copyOf(warnings), compiled.sourceMap()));
    }

    /** {@link #compileC}, for callers that only need the configuration. */
    public static Loaded loadC(Path source, CompileOptions options, LayoutHint hint)
            throws CompileException, ConfigFormatException {
        return compileC(source, options, hint).loaded();
    }

    /**
     * Parses binary or JSON bytes; the layout hint applies to binary
     * revision-14 files. Trailing bytes after a binary configuration are
     * accepted with a warning, as Jailhouse ignores them.
     */
    public static Loaded parse(byte[] data, LayoutHint hint) throws ConfigFormatException {
        if (detect(data) == Form.JSON) {
            return new Loaded(JsonForm.fromJson(new String(data, StandardCharsets.UTF_8)), List.of());
        }
        ConfigReader.Lenient read = ConfigReader.readLenient(data, hint);
        if (read.trailingBytes() == 0) {
            return new Loaded(read.file(), List.of());
        }
        return new Loaded(read.file(), List.of(String.format("%d trailing bytes after the configuration"
                + " (offset 0x%x) are ignored, as Jailhouse ignores them; the source may declare an array"
                + " its header does not count", read.trailingBytes(), read.length())));
    }
}
