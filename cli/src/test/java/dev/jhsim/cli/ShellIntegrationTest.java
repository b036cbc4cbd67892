package dev.jhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bash completion and man pages, generated from the command model and checked with bash and groff. */
class ShellIntegrationTest {
    @TempDir
    Path dir;

    private static String shell(Path cwd, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
        return output;
    }

    @Test
    void bashCompletesCommandsAndSubcommands() throws Exception {
        CliRun completion = CliRun.of("completion");
        assertEquals(0, completion.status());
        Files.writeString(dir.resolve("jailhouse.bash"), completion.out());
        String complete = """
                source ./jailhouse.bash
                words() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE};
                  _complete_jailhouse; echo "${COMPREPLY[*]}"; }
                words jailhouse ce
                words jailhouse cell s
                words jailhouse board st
                """;
        assertEquals("cell\nstart shutdown stats\nstart stop status\n", shell(dir, "bash", "-c", complete));
        assertTrue(!completion.out().contains("daemon"), "hidden commands are not offered");
    }

    @Test
    void manPagesAreValidTroffForEveryCommand() throws Exception {
        CliRun written = CliRun.of("man", "--output", dir.toString());
        assertEquals(0, written.status(), written.err());
        for (String page : List.of("jailhouse", "jailhouse-cell", "jailhouse-enable", "jailhouse-board",
                "jailhouse-run", "jailhouse-console")) {
            Path file = dir.resolve(page + ".8");
            assertTrue(Files.exists(file), page);
            assertEquals("", shell(dir, "groff", "-man", "-Tutf8", "-ww", "-z", file.toString()), page);
        }
        String cell = shell(dir, "groff", "-man", "-Tascii", "-P", "-cbou", dir.resolve("jailhouse-cell.8").toString());
        assertTrue(cell.contains("jailhouse cell load { ID | [--name] NAME }"), cell);
        assertTrue(cell.contains("--per-cpu"), cell);
        assertEquals(CliRun.of("man", "cell").out(), Files.readString(dir.resolve("jailhouse-cell.8")));
        CliRun unknown = CliRun.of("man", "nope");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("jailhouse man: no page 'nope', expected one of jailhouse, "));
    }

    @Test
    void boardListNamesTheBundledBoardsWithTheirDescriptions() {
        CliRun list = CliRun.of("board", "list");
        assertEquals(0, list.status());
        assertTrue(list.out().startsWith("qemu-arm64      QEMU 'virt' machine"), list.out());
    }
}
