package dev.jhsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.config.binary.LayoutHint;
import dev.jhsim.config.ConfigLoader;
import dev.jhsim.config.json.JsonForm;
import dev.jhsim.hypervisor.driver.CellRef;
import dev.jhsim.hypervisor.driver.PreloadImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The upstream commands on a fake board in this process: syntax, output, errors and exit codes. */
class UpstreamCommandsTest {
    @TempDir
    Path dir;

    private FakeBoard.Session board;

    @BeforeEach
    void board() {
        board = new FakeBoard.Session("qemu-arm64");
        TestConfigs.tree(dir);
    }

    private CliRun jailhouse(String... args) {
        return CliRun.on(board, dir, args);
    }

    private void ok(String... args) {
        CliRun run = jailhouse(args);
        assertEquals(0, run.status(), String.join(" ", args) + ": " + run.err());
        assertEquals("", run.err());
    }

    @Test
    void theUpstreamSequenceRunsSilentlyAndListsCellsInUpstreamsTable() {
        ok("enable", "configs/arm64/system.cell");
        ok("cell", "create", "configs/arm64/demo.cell");
        ok("cell", "load", "demo", "inmates/timer.bin");
        ok("cell", "start", "demo");
        board.run(1_000_000_000_000L);
        CliRun list = jailhouse("cell", "list");
        assertEquals(0, list.status());
        assertEquals(String.format("%-8s%-24s%-18s%-24s%-24s%n", "ID", "Name", "State", "Assigned CPUs", "Failed CPUs")
                + String.format("%-8s%-24s%-18s%-24s%-24s%n", "0", "fixture-arm64", "running", "0,2-3", "")
                + String.format("%-8s%-24s%-18s%-24s%-24s%n", "1", "demo", "running", "1", ""), list.out());
        CliRun stats = jailhouse("cell", "stats", "demo");
        assertEquals(0, stats.status());
        assertEquals("Statistics for demo cell\n\n"
                + "COUNTER (All CPUs)                   SUM\n"
                + "vmexits_total                         20\n"
                + "vmexits_virt_irq                      10\n"
                + "vmexits_management                     1\n"
                + "vmexits_hypercall                      0\n"
                + "vmexits_mmio                           0\n", stats.out());
        assertTrue(jailhouse("console").out().contains("Started cell \"demo\"\n"));
        ok("cell", "shutdown", "demo");
        assertEquals("shut down", board.driver().cells().get(1).state());
        ok("cell", "destroy", "demo");
        ok("disable");
        assertEquals("", jailhouse("cell", "list").out(), "nothing while disabled, as upstream");
    }

    @Test
    void statsPerCpuAddsOneBlockPerCpu() {
        ok("enable", "configs/arm64/system.cell");
        CliRun stats = jailhouse("cell", "stats", "--per-cpu", "0");
        assertEquals(0, stats.status(), stats.err());
        assertTrue(stats.out().contains("COUNTER (All CPUs)"), stats.out());
        assertTrue(stats.out().contains("COUNTER (CPU 0)"), stats.out());
        assertTrue(stats.out().contains("COUNTER (CPU 3)"), stats.out());
        CliRun unknown = jailhouse("cell", "stats", "nosuch");
        assertEquals(1, unknown.status());
        assertEquals("reading stats: No such file or directory\njhsim: no cell named nosuch\n", unknown.err());
    }

    @Test
    void aMissingFileIsReportedAsUpstreamDoesBeforeAnyBoardIsTouched() {
        CliRun run = jailhouse("enable", "configs/arm64/nope.cell");
        assertEquals(1, run.status());
        assertEquals("opening configs/arm64/nope.cell: No such file or directory\n", run.err());
        assertFalse(board.driver().enabled());
        ok("enable", "configs/arm64/system.cell");
        ok("cell", "create", "configs/arm64/demo.cell");
        CliRun load = jailhouse("cell", "load", "demo", "inmates/timer.bin", "missing.bin");
        assertEquals(1, load.status());
        assertEquals("opening missing.bin: No such file or directory\n", load.err());
    }

    @Test
    void driverErrorsAreUpstreamsPerrorLinePlusTheSimulatorsReason() {
        CliRun notEnabled = jailhouse("cell", "create", "configs/arm64/demo.cell");
        assertEquals(1, notEnabled.status());
        assertEquals("JAILHOUSE_CELL_CREATE: Invalid argument\njhsim: the hypervisor is not enabled\n",
                notEnabled.err());
        ok("enable", "configs/arm64/system.cell");
        ok("cell", "create", "configs/arm64/demo.cell");
        CliRun busy = jailhouse("cell", "create", "configs/arm64/other.cell");
        assertEquals(1, busy.status());
        assertEquals("JAILHOUSE_CELL_CREATE: Device or resource busy\n"
                + "jhsim: CPU 1 does not belong to the root cell\n", busy.err());
        CliRun unknown = jailhouse("cell", "start", "nosuch");
        assertEquals(1, unknown.status());
        assertEquals("JAILHOUSE_CELL_START: No such file or directory\njhsim: no cell named nosuch\n", unknown.err());
        CliRun again = jailhouse("enable", "configs/arm64/system.cell");
        assertEquals("JAILHOUSE_ENABLE: Device or resource busy\njhsim: the hypervisor is already enabled\n",
                again.err());
    }

    @Test
    void cellsAreNamedByIdInCNotationOrByName() {
        ok("enable", "configs/arm64/system.cell");
        ok("cell", "create", "configs/arm64/demo.cell");
        ok("cell", "start", "1");
        ok("cell", "shutdown", "0x1");
        ok("cell", "start", "--name", "demo");
        CliRun byName = jailhouse("cell", "destroy", "--name", "1");
        assertEquals("JAILHOUSE_CELL_DESTROY: No such file or directory\njhsim: no cell named 1\n", byName.err());
        ok("cell", "destroy", "01");

        assertEquals(CellRef.byId(8), CellArgument.parse("010"));
        assertEquals(CellRef.byId(26), CellArgument.parse("0x1a"));
        assertEquals(CellRef.byName("-1"), CellArgument.parse("-1"));
        assertEquals(CellRef.byName("0x"), CellArgument.parse("0x"));
        assertEquals(CellRef.byName("12a"), CellArgument.parse("12a"));
        assertEquals(CellRef.byName("99999999999"), CellArgument.parse("99999999999"));
        assertEquals(CellRef.byName("a".repeat(31)), CellArgument.parse("a".repeat(40)));
    }

    @Test
    void loadTakesImagesAndStringsInOrderEachWithItsAddress() {
        ok("enable", "configs/arm64/system.cell");
        ok("cell", "create", "configs/arm64/demo.cell");
        TestConfigs.write(dir, "a.bin", new byte[] {1, 2, 3});
        TestConfigs.write(dir, "-b.bin", new byte[] {4});
        ok("cell", "load", "demo", "a.bin", "-s", "x=1 --name", "-a", "0x1000", "-b.bin", "-a", "010");
        List<PreloadImage> images = board.driver.lastLoad;
        assertEquals(3, images.size());
        assertArrayEquals(new byte[] {1, 2, 3}, images.get(0).data());
        assertEquals(0, images.get(0).targetAddress());
        assertArrayEquals("x=1 --name\0".getBytes(StandardCharsets.UTF_8), images.get(1).data());
        assertEquals(0x1000, images.get(1).targetAddress());
        assertArrayEquals(new byte[] {4}, images.get(2).data());
        assertEquals(8, images.get(2).targetAddress());
        ok("cell", "load", "--name", "demo", "-s", "hello", "--address", "4096");
        assertEquals(4096, board.driver.lastLoad.get(0).targetAddress());
    }

    @Test
    void loadUsageErrorsExitWithUpstreamsStatus() {
        ok("enable", "configs/arm64/system.cell");
        ok("cell", "create", "configs/arm64/demo.cell");
        assertUsage("load: expected at least one image: { IMAGE | { -s | --string } \"STRING\" }",
                "cell", "load", "demo");
        assertUsage("load: -a ADDRESS must follow the image it places", "cell", "load", "demo", "-a", "0x10");
        assertUsage("load: invalid address 'zz', expected a number such as 0x1000",
                "cell", "load", "demo", "inmates/timer.bin", "-a", "zz");
        assertUsage("load: option '-s' needs a value", "cell", "load", "demo", "-s");
        assertUsage("start: expected a cell: { ID | [--name] NAME }", "cell", "start");
        assertUsage("enable: Missing required parameter: 'SYSCONFIG'", "enable");
    }

    private void assertUsage(String message, String... args) {
        CliRun run = jailhouse(args);
        assertEquals(1, run.status(), String.join(" ", args));
        assertEquals(message + "\n", run.err());
    }

    @Test
    void configurationsMayBeJsonOrCConvertedOnTheClient() throws Exception {
        String json = JsonForm.toJson(ConfigLoader.parse(TestConfigs.system(), LayoutHint.AUTO).file());
        TestConfigs.write(dir, "system.json", json.getBytes(StandardCharsets.UTF_8));
        ok("enable", "system.json");
        assertTrue(board.driver().enabled());
        TestConfigs.write(dir, "broken.json", "{ \"kind\": ".getBytes(StandardCharsets.UTF_8));
        CliRun broken = jailhouse("cell", "create", "broken.json");
        assertEquals(1, broken.status());
        assertTrue(broken.err().startsWith("broken.json"), broken.err());
        assertEquals(1, broken.err().lines().count(), broken.err());
    }

    @Test
    void consoleFollowNeedsABoardThatRunsOnItsOwn() {
        ok("enable", "configs/arm64/system.cell");
        assertEquals("Initializing Jailhouse hypervisor (fake) on CPU 0\nActivating hypervisor\n",
                jailhouse("console").out());
        CliRun follow = jailhouse("console", "-f");
        assertEquals(1, follow.status());
        assertTrue(follow.err().startsWith("jailhouse console: --follow needs a board that runs on its own"));
    }

    @Test
    void everyCommandHasHelp() {
        List<String> missing = new ArrayList<>();
        visit(JailhouseCommand.commandLine(new CommandContext(new SessionBoardAccess(board), dir,
                java.util.Map.of())), new ArrayList<>(), missing);
        assertEquals(List.of(), missing);
    }

    private void visit(CommandLine command, List<String> path, List<String> missing) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        CliRun help = jailhouse(args.toArray(new String[0]));
        if (help.status() != 0 || !help.out().startsWith("Usage: ")) {
            missing.add(String.join(" ", path));
        }
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(name);
                visit(sub, subPath, missing);
            }
        });
    }
}
