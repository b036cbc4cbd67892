package dev.jhsim.cli;

import dev.jhsim.config.ConfigFormatException;
import dev.jhsim.config.ConfigLoader;
import dev.jhsim.config.binary.ConfigWriter;
import dev.jhsim.config.binary.LayoutHint;
import dev.jhsim.config.check.CheckInput;
import dev.jhsim.config.c.CompileException;
import dev.jhsim.config.c.CompileOptions;
import dev.jhsim.config.c.SourceMap;
import dev.jhsim.config.model.ConfigFile;
import dev.jhsim.config.model.Layout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options every command that reads configuration files shares: the
 * layout, and for C sources gcc's {@code -I}, {@code -D}, {@code -U} and
 * {@code -include}.
 */
final class ConfigFileOptions {
    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "Binary files: upstream or minervasys (default: detected from the file). "
                    + "C sources: v12, v13, v14 (= upstream) or minervasys, selecting the layout of jhsim's headers.")
    String layout = "auto";

    @Option(names = "-I", paramLabel = "DIR",
            description = "C sources: look for included files in DIR (in order, before jhsim's headers).")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "-include", paramLabel = "FILE",
            description = "C sources: include FILE before the source, as gcc's -include does.")
    List<Path> forcedIncludes = new ArrayList<>();

    /** -D and -U in command-line order, as gcc applies them; filled by {@link MacroConsumer}. */
    private final List<CompileOptions.MacroOption> macros = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME[=VALUE]", parameterConsumer = MacroConsumer.class,
            description = "C sources: define a macro (VALUE 1 if absent).")
    List<String> defines;

    @Option(names = "-U", paramLabel = "NAME", parameterConsumer = MacroConsumer.class,
            description = "C sources: undefine a macro.")
    List<String> undefines;

    /** Records each -D and -U in one list, keeping their relative order. */
    static final class MacroConsumer implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, CommandLine.Model.ArgSpec option,
                CommandLine.Model.CommandSpec command) {
            String name = ((CommandLine.Model.OptionSpec) option).longestName();
            if (args.isEmpty()) {
                throw new CommandLine.ParameterException(command.commandLine(),
                        "Missing required parameter for option '" + name + "'");
            }
            String value = args.pop();
            for (CommandLine.Model.CommandSpec mixin : command.mixins().values()) {
                if (mixin.userObject() instanceof ConfigFileOptions options) {
                    options.macros.add(name.equals("-D") ? new CompileOptions.Define(value)
                            : new CompileOptions.Undefine(value));
                }
            }
        }
    }

    LayoutHint hint() {
        try {
            return LayoutHint.parse(layout);
        } catch (IllegalArgumentException e) {
            throw new UserError(2, "jailhouse: " + e.getMessage());
        }
    }

    /**
     * Loads a configuration for {@code jailhouse config check}, with the map
     * from its bytes to its source: the compiler's for C sources, none for
     * binary and JSON files.
     */
    CheckInput loadForCheck(String file, PrintWriter err) {
        if (ConfigLoader.isCSource(Path.of(file))) {
            Compiled compiled = compile(file, err);
            return new CheckInput(file, compiled.config(), compiled.sourceMap());
        }
        return CheckInput.of(file, load(file, err));
    }

    /** Loads a configuration file in any form; one-line errors naming the file (gcc's for C), warnings on stderr. */
    ConfigFile load(String file, PrintWriter err) {
        if (ConfigLoader.isCSource(Path.of(file))) {
            return compile(file, err).config();
        }
        byte[] data = readNonC(Path.of(""), file);
        try {
            ConfigLoader.Loaded loaded = ConfigLoader.parse(data, hint());
            for (String warning : loaded.warnings()) {
                err.println("warning: " + file + ": " + warning);
            }
            err.flush();
            return loaded.file();
        } catch (ConfigFormatException e) {
            throw new UserError(e.describe(file));
        }
    }

    /**
     * The bytes a configuration argument hands the driver, as the tool passes a
     * file to {@code /dev/jailhouse}: a binary file exactly as it is (the
     * hypervisor checks it, as on a board); a C source or the JSON form
     * converted to binary here, on the client side.
     */
    byte[] driverBytes(Path directory, String file, PrintWriter err) {
        if (ConfigLoader.isCSource(Path.of(file))) {
            return compile(directory, file, err).bytes();
        }
        byte[] data = readNonC(directory, file);
        if (ConfigLoader.detect(data) == ConfigLoader.Form.BINARY) {
            return data;
        }
        try {
            return ConfigWriter.write(ConfigLoader.parse(data, hint()).file());
        } catch (ConfigFormatException e) {
            throw new UserError(e.describe(file));
        }
    }

    /** Reads a binary or JSON configuration, refusing the options that only apply to C sources. */
    private byte[] readNonC(Path directory, String file) {
        if (!includeDirs.isEmpty() || !forcedIncludes.isEmpty() || !macros.isEmpty()) {
            throw new UserError(2, "jailhouse: -I, -D, -U and -include apply to C sources (.c) only");
        }
        return InputFiles.read(directory.resolve(file), file);
    }

    /** A compiled C source: gcc's bytes, the configuration they hold and where each byte came from. */
    record Compiled(byte[] bytes, ConfigFile config, SourceMap sourceMap) {
    }

    /** Compiles a C source and checks that its bytes are a configuration; gcc-style errors and warnings. */
    Compiled compile(String file, PrintWriter err) {
        return compile(Path.of(""), file, err);
    }

    /** {@link #compile(String, PrintWriter)} for a file named relative to {@code directory}. */
    private Compiled compile(Path directory, String file, PrintWriter err) {
        Path source = directory.resolve(file);
        InputFiles.read(source, file);
        String name = layout.toLowerCase(Locale.ROOT);
        Layout selected = switch (name) {
            case "auto" -> null;
            case "v14", "upstream" -> Layout.V14;
            default -> Layout.ofId(name);
        };
        if (selected == null && !name.equals("auto")) {
            throw new UserError(2, "jailhouse: unknown layout '" + layout
                    + "', expected v12, v13, v14 (upstream) or minervasys");
        }
        CompileOptions options = selected == null ? CompileOptions.DEFAULT : CompileOptions.DEFAULT.withLayout(selected);
        for (Path dir : includeDirs) {
            options = options.withIncludeDir(dir);
        }
        for (CompileOptions.MacroOption macro : macros) {
            options = macro instanceof CompileOptions.Define d ? options.withDefine(d.definition())
                    : options.withUndefine(((CompileOptions.Undefine) macro).name());
        }
        for (Path forced : forcedIncludes) {
            options = options.withForcedInclude(forced);
        }
        LayoutHint hint = selected == Layout.MINERVASYS ? LayoutHint.MINERVASYS
                : selected == Layout.V14 ? LayoutHint.UPSTREAM : LayoutHint.AUTO;
        try {
            ConfigLoader.CompiledSource compiled = ConfigLoader.compileC(source, options, hint);
            compiled.loaded().warnings().forEach(err::println);
            err.flush();
            return new Compiled(compiled.compiled().bytes(), compiled.loaded().file(),
                    compiled.compiled().sourceMap());
        } catch (CompileException e) {
            throw new UserError(1, e.lines().toArray(new String[0]));
        } catch (ConfigFormatException e) {
            throw new UserError(e.describe(file) + " (the C source compiles, but not to a valid configuration)");
        }
    }
}
