package dev.jhsim.cli;

import dev.jhsim.hypervisor.driver.CellRef;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code { ID | [--name] NAME }} argument of the cell commands. */
final class CellIdentity {
    @Option(names = "--name", paramLabel = "NAME", description = "The cell's name (also when it looks like a number).")
    String name;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID|NAME", description = "The cell's ID or name.")
    String idOrName;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    CellRef ref() {
        if ((name == null) == (idOrName == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "expected a cell: { ID | [--name] NAME }");
        }
        return name != null ? CellArgument.name(name) : CellArgument.parse(idOrName);
    }
}
