package dev.jhsim.cli;

import dev.jhsim.config.ConfigFormatException;
import dev.jhsim.config.ConfigLoader;
import dev.jhsim.config.binary.LayoutHint;
import dev.jhsim.config.check.CheckInput;
import dev.jhsim.config.model.ConfigFile;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The options every command that reads configuration files shares. */
final class ConfigFileOptions {
    @Option(names = "--layout", paramLabel = "upstream|minervasys",
            description = "Layout of revision-14 binary files (default: detected from the file).")
    String layout = "auto";

    LayoutHint hint() {
        try {
            return LayoutHint.parse(layout);
        } catch (IllegalArgumentException e) {
            throw new UserError(2, "jailhouse: " + e.getMessage());
        }
    }

    /**
     * Loads a configuration for {@code jailhouse config check}, with the map
     * from its bytes to its source. Binary and JSON files have no source map;
     * C sources will get the compiler's map here (issue 3).
     */
    CheckInput loadForCheck(String file, PrintWriter err) {
        return CheckInput.of(file, load(file, err));
    }

    /** Loads a configuration file in any form; one-line errors naming the file, warnings on stderr. */
    ConfigFile load(String file, PrintWriter err) {
        byte[] data = InputFiles.read(file);
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
}
