package dev.jhsim.cli;

import dev.jhsim.hypervisor.driver.CellRef;
import dev.jhsim.hypervisor.driver.PreloadImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jailhouse cell load { ID | [--name] NAME } { IMAGE | { -s | --string } "STRING" } [-a | --address ADDRESS] ...}:
 * the arguments are order-sensitive (an address belongs to the image before
 * it), so everything after the cell is collected in order and parsed here.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        customSynopsis = "jailhouse cell load { ID | [--name] NAME } { IMAGE | { -s | --string } \"STRING\" }"
                + " [-a | --address ADDRESS] ...",
        description = {"Load images or strings into a cell.",
            "Stops the cell if it runs, makes it loadable and copies images into its memory, in the order",
            "given (a later image overwrites an earlier one where they overlap). An image is a file or, with -s,",
            "a string (copied with its terminating NUL, e.g. an inmate's command line at 0x1000). Each goes to",
            "the cell address after its -a, or 0."})
final class CellLoadCommand implements Callable<Integer>, UpstreamCommand {
    private static final Pattern ADDRESS = Pattern.compile("0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9][0-9]*)");

    private final CommandContext context;
    private final List<String> tokens = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "The cell's name (also when it looks like a number).")
    String name;

    @Option(names = {"-s", "--string"}, paramLabel = "STRING", parameterConsumer = InOrder.class,
            description = "Load STRING (and its terminating NUL) as the next image.")
    String string;

    @Option(names = {"-a", "--address"}, paramLabel = "ADDRESS", parameterConsumer = InOrder.class,
            description = "Where in the cell the image before goes (C notation: 4096, 0x1000); default 0.")
    String address;

    @Parameters(paramLabel = "ID|NAME IMAGE", parameterConsumer = InOrder.class,
            description = "The cell (unless --name is given), then the image files.")
    List<String> arguments;

    @Spec
    CommandSpec spec;

    CellLoadCommand(CommandContext context) {
        this.context = context;
    }

    /** Collects the argument that triggered it and everything after it, in order, for {@link #call()}. */
    static final class InOrder implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, CommandLine.Model.ArgSpec argSpec, CommandSpec command) {
            CellLoadCommand load = command.commandLine().getCommand();
            if (argSpec.isOption()) {
                load.tokens.add(((CommandLine.Model.OptionSpec) argSpec).shortestName());
            }
            while (!args.isEmpty()) {
                load.tokens.add(args.pop());
            }
        }
    }

    @Override
    public Integer call() {
        int next = 0;
        CellRef cell;
        if (name != null) {
            cell = CellArgument.name(name);
        } else if (tokens.isEmpty()) {
            throw usage("expected a cell: { ID | [--name] NAME }");
        } else {
            cell = CellArgument.parse(tokens.get(next++));
        }
        if (next == tokens.size()) {
            throw usage("expected at least one image: { IMAGE | { -s | --string } \"STRING\" }");
        }
        List<PreloadImage> images = new ArrayList<>();
        while (next < tokens.size()) {
            String token = tokens.get(next++);
            byte[] data;
            if (token.equals("-s") || token.equals("--string")) {
                data = stringImage(value(token, next++));
            } else if (token.equals("-a") || token.equals("--address")) {
                throw usage(token + " ADDRESS must follow the image it places");
            } else {
                data = InputFiles.read(context.resolve(token), token);
            }
            long target = 0;
            if (next < tokens.size() && (tokens.get(next).equals("-a") || tokens.get(next).equals("--address"))) {
                String option = tokens.get(next++);
                target = address(value(option, next++));
            }
            images.add(new PreloadImage(data, target));
        }
        DriverCalls.call(() -> {
            context.board().driver().cellLoad(cell, images);
            return null;
        });
        return 0;
    }

    private String value(String option, int index) {
        if (index >= tokens.size()) {
            throw usage("option '" + option + "' needs a value");
        }
        return tokens.get(index);
    }

    /** As upstream: the string's bytes and its terminating NUL. */
    private static byte[] stringImage(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }

    private long address(String text) {
        Matcher m = ADDRESS.matcher(text);
        if (m.matches()) {
            try {
                return m.group(1) != null ? Long.parseUnsignedLong(m.group(1), 16)
                        : m.group(2) != null ? Long.parseUnsignedLong(m.group(2), 8) : Long.parseUnsignedLong(m.group(3));
            } catch (NumberFormatException e) {
                throw usage("address '" + text + "' does not fit in 64 bits");
            }
        }
        throw usage("invalid address '" + text + "', expected a number such as 0x1000");
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
