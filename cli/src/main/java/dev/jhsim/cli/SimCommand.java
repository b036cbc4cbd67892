package dev.jhsim.cli;

import dev.jhsim.machine.arm64.linux.ElfException;
import dev.jhsim.machine.arm64.linux.UserModeRunner;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jailhouse sim ...}: direct access to the machine model. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Run programs directly on the simulated machine model.",
        subcommands = SimCommand.Exec.class)
final class SimCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing sim command");
    }

    /** {@code jailhouse sim exec [--stats] ELF [ARGS...]}. */
    @Command(name = "exec", mixinStandardHelpOptions = true,
            description = "Run a static AArch64 Linux executable in user mode on one simulated CPU; "
                    + "its output and exit status pass through.")
    static final class Exec implements Callable<Integer> {
        @CommandLine.Option(names = "--stats",
                description = "Print retired instructions, simulated time and guest MIPS to stderr.")
        boolean stats;

        @CommandLine.Parameters(index = "0", paramLabel = "ELF", description = "The executable.")
        Path elf;

        @CommandLine.Parameters(index = "1..*", paramLabel = "ARGS", description = "Its arguments.")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            byte[] image;
            try {
                image = Files.readAllBytes(elf);
            } catch (IOException e) {
                throw new UserError("jailhouse sim exec: " + elf + ": cannot read the file (expected a static AArch64 Linux executable)");
            }
            List<String> argv = new ArrayList<>();
            argv.add(elf.toString());
            argv.addAll(args);
            OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
            OutputStream err = System.err;
            UserModeRunner.Result result;
            try {
                result = UserModeRunner.run(image, elf.toAbsolutePath().toString(), argv, System.in, out, err,
                        Long.MAX_VALUE);
            } catch (ElfException e) {
                throw new UserError("jailhouse sim exec: " + elf + ": " + e.getMessage());
            } catch (IOException e) {
                throw new UserError("jailhouse sim exec: " + elf + ": output failed: " + e.getMessage());
            }
            if (result.error() != null) {
                System.err.println("jailhouse sim exec: " + result.error());
            }
            if (stats) {
                System.err.printf("jailhouse sim exec: %d instructions, %.6f s simulated, %.1f guest MIPS%n",
                        result.instructions(), result.simulatedPs() / 1e12, result.mips());
            }
            return result.exitCode();
        }
    }
}
