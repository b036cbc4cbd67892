package dev.jhsim.cli;

import picocli.CommandLine.Command;

/** {@code jailhouse demo}: the README's main job. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the built-in demonstration.")
final class DemoCommand implements Runnable {
    @Override
    public void run() {
        throw new UserError("jailhouse demo: not implemented yet in jhsim");
    }
}
