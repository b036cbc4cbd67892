package dev.jhsim.cli;

import dev.jhsim.config.ConfigFormatException;
import dev.jhsim.config.ConfigLoader;
import dev.jhsim.config.binary.ConfigWriter;
import dev.jhsim.config.model.ConfigFile;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jailhouse config compile FILE -o FILE.cell}: C sources byte for byte as gcc builds them. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compile a configuration (C source, JSON, or a binary file to re-encode) into a binary"
                + " .cell file. C sources give exactly the bytes gcc and objcopy would.")
final class ConfigCompileCommand implements Runnable {
    @Parameters(paramLabel = "FILE", description = "The configuration: FILE.c, JSON or binary.")
    String file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.cell",
            description = "Where to write the binary configuration.")
    String output;

    @Mixin
    ConfigFileOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (ConfigLoader.isCSource(Path.of(file))) {
            InputFiles.writeAtomically(output, options.compile(file, spec.commandLine().getErr()).bytes());
            return;
        }
        ConfigFile config = options.load(file, spec.commandLine().getErr());
        byte[] bytes;
        try {
            bytes = ConfigWriter.write(config);
        } catch (ConfigFormatException e) {
            throw new UserError(e.describe(file));
        }
        InputFiles.writeAtomically(output, bytes);
    }
}
