package dev.jhsim.cli;

import dev.jhsim.config.ConfigFormatException;
import dev.jhsim.config.binary.ConfigWriter;
import dev.jhsim.config.model.ConfigFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jailhouse config compile FILE -o FILE.cell}. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compile a configuration (JSON, or a binary file to re-encode) into a binary .cell file.")
final class ConfigCompileCommand implements Runnable {
    @Parameters(paramLabel = "FILE", description = "The configuration source.")
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
