package dev.jhsim.cli;

import dev.jhsim.config.ConfigFormatException;
import dev.jhsim.config.json.JsonForm;
import dev.jhsim.config.text.ConfigDump;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jailhouse demo}: the README's main job. Until the simulator runs
 * cells, it lists the bundled example system configuration for qemu-arm64.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the built-in demonstration.")
final class DemoCommand implements Runnable {
    private static final String EXAMPLE = "/examples/qemu-arm64.json";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        String json;
        try (InputStream in = DemoCommand.class.getResourceAsStream(EXAMPLE)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            spec.commandLine().getOut().print("jhsim demo: the bundled qemu-arm64 system configuration\n\n"
                    + ConfigDump.render(JsonForm.fromJson(json)));
        } catch (ConfigFormatException e) {
            throw new IllegalStateException("bundled example is invalid: " + e.getMessage(), e);
        }
        spec.commandLine().getOut().flush();
    }
}
