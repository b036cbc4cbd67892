package dev.jhsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jailhouse demo [BOARD]}: the README's main job. Runs the board's
 * bundled demo scenario in this process on the board's own files, laid out
 * as on a board, and narrates each step.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the built-in demonstration.",
            "A simulated board, the hypervisor enabled, a cell created, loaded with an inmate and started,",
            "a few seconds of its output, then everything shut down."})
final class DemoCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(arity = "0..1", paramLabel = "BOARD", defaultValue = "qemu-arm64",
            description = "The board (default: ${DEFAULT-VALUE}).")
    String board;

    @Spec
    CommandSpec spec;

    DemoCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        String script = script(board);
        PrintWriter out = spec.commandLine().getOut();
        Path files = Files.createTempDirectory("jhsim-demo");
        try {
            BoardFiles.write(board, files);
            Scenarios.run(board, "demo " + board, script, files, context.environment(), out);
        } finally {
            delete(files);
        }
        out.println();
        out.println("Try it like on a board: ./jailhouse board start " + board + " --export /tmp/jh,");
        out.println("then, in /tmp/jh, the commands above (see docs/cli.md).");
        out.flush();
        return 0;
    }

    private static String script(String board) {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demos/" + board + ".jhs")) {
            if (in == null) {
                throw new UserError(2, "jailhouse demo: there is no demo for board '" + board
                        + "' (there is one for qemu-arm64)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
