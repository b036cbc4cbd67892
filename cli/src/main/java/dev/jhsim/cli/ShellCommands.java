package dev.jhsim.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Shell integration: bash completion and man pages, both generated from the command model. */
final class ShellCommands {
    private ShellCommands() {
    }

    /** The whole command model, for generators. */
    private static CommandLine model(CommandContext context) {
        return JailhouseCommand.commandLine(context);
    }

    /** {@code jailhouse completion}. */
    @Command(name = "completion", mixinStandardHelpOptions = true,
            description = {"Print a bash completion script for jailhouse.",
                "Install it with: jailhouse completion > ~/.local/share/bash-completion/completions/jailhouse"})
    static final class Completion implements Callable<Integer> {
        private final CommandContext context;

        @Spec
        CommandSpec spec;

        Completion(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.print(AutoComplete.bash("jailhouse", model(context)));
            out.flush();
            return 0;
        }
    }

    /** {@code jailhouse man [PAGE] [--output DIR]}. */
    @Command(name = "man", mixinStandardHelpOptions = true,
            description = {"Print a man page, or write them all.",
                "Pages: jailhouse, jailhouse-cell, jailhouse-enable, ... (default jailhouse); --output DIR writes",
                "them all as DIR/NAME.8. Read one with: jailhouse man cell | man -l -"})
    static final class Man implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(arity = "0..1", paramLabel = "PAGE", description = "The page: jailhouse, cell, jailhouse-cell, ...")
        String page;

        @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write every page to DIR/NAME.8.")
        Path output;

        @Spec
        CommandSpec spec;

        Man(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            String version = new VersionProvider().jhsimVersion();
            Map<String, String> pages = ManPages.all(model(context), version);
            PrintWriter out = spec.commandLine().getOut();
            if (output != null) {
                Path dir = context.directory().resolve(output);
                Files.createDirectories(dir);
                for (Map.Entry<String, String> p : pages.entrySet()) {
                    InputFiles.writeAtomically(dir.resolve(p.getKey() + ".8").toString(),
                            p.getValue().getBytes(StandardCharsets.UTF_8));
                    out.println(dir.resolve(p.getKey() + ".8"));
                }
            } else {
                String name = page == null ? "jailhouse" : page.startsWith("jailhouse") ? page : "jailhouse-" + page;
                String text = pages.get(name);
                if (text == null) {
                    throw new UserError(2, "jailhouse man: no page '" + page + "', expected one of "
                            + String.join(", ", pages.keySet()));
                }
                out.print(text);
            }
            out.flush();
            return 0;
        }
    }
}
