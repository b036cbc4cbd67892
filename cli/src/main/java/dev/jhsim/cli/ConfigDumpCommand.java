package dev.jhsim.cli;

import dev.jhsim.config.json.JsonForm;
import dev.jhsim.config.model.ConfigFile;
import dev.jhsim.config.text.ConfigDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jailhouse config dump FILE [--json]}. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "List a configuration file (C source, binary .cell or JSON) readably, or as JSON.")
final class ConfigDumpCommand implements Runnable {
    @Parameters(paramLabel = "FILE", description = "The configuration file.")
    String file;

    @Option(names = "--json", description = "Print the JSON form instead of the listing.")
    boolean json;

    @Mixin
    ConfigFileOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        ConfigFile config = options.load(file, spec.commandLine().getErr());
        if (json) {
            spec.commandLine().getOut().print(JsonForm.toJson(config));
        } else {
            spec.commandLine().getOut().print("File:               " + file + "\n" + ConfigDump.render(config));
        }
        spec.commandLine().getOut().flush();
    }
}
