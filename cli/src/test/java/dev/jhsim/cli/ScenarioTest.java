package dev.jhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jailhouse run}: parsing, the log, expectations and failures, on the fake board. */
class ScenarioTest {
    @TempDir
    Path dir;

    @BeforeEach
    void fakeBoard() {
        System.setProperty(BoardOpener.OPENER_PROPERTY, FakeBoard.class.getName());
        TestConfigs.tree(dir);
    }

    @AfterEach
    void realBoard() {
        System.clearProperty(BoardOpener.OPENER_PROPERTY);
    }

    private CliRun run(String script) {
        TestConfigs.write(dir, "test.jhs", script.getBytes(StandardCharsets.UTF_8));
        return CliRun.of("run", "--board", "qemu-arm64", "-C", dir.toString(), "test.jhs");
    }

    @Test
    void aScenarioLogsCommandsOutputUartAndConsoleBehindStablePrefixes() {
        String script = """
                # the fake inmate prints a line every 100 ms
                jailhouse enable configs/arm64/system.cell
                cell create configs/arm64/demo.cell
                cell load demo inmates/timer.bin -s "a b" -a 0x1000
                cell start demo
                sim note "ticking"
                sim run 300ms
                sim expect uart0 "Timer fired 2"
                sim expect uart0 "Timer fired 5" within 1s
                sim expect-cell demo running
                ! cell create configs/arm64/other.cell
                cell list
                sim input uart0 "hi\\n"
                cell shutdown demo
                sim expect-cell demo shut-down
                cell destroy demo
                sim expect console "Closing cell"
                disable
                """;
        CliRun first = run(script);
        assertEquals(0, first.status(), first.err());
        assertEquals("""
                [cmd] jailhouse enable configs/arm64/system.cell
                [console] Initializing Jailhouse hypervisor (fake) on CPU 0
                [console] Activating hypervisor
                [cmd] jailhouse cell create configs/arm64/demo.cell
                [console] Created cell "demo"
                [cmd] jailhouse cell load demo inmates/timer.bin -s "a b" -a 0x1000
                [console] Cell "demo" can be loaded
                [cmd] jailhouse cell start demo
                [console] Started cell "demo"
                [note] ticking
                [sim] run 300ms
                [uart0] Timer fired 1
                [uart0] Timer fired 2
                [uart0] Timer fired 3
                [sim] expect uart0 "Timer fired 2" within 0s
                [sim] expect uart0 "Timer fired 5" within 1s
                [uart0] Timer fired 4
                [uart0] Timer fired 5
                [sim] expect-cell demo running within 0s
                [cmd] ! jailhouse cell create configs/arm64/other.cell
                [err] JAILHOUSE_CELL_CREATE: Device or resource busy
                [err] jhsim: CPU 1 does not belong to the root cell
                [exit] 1
                [cmd] jailhouse cell list
                [out] ID      Name                    State             Assigned CPUs           Failed CPUs
                [out] 0       fixture-arm64           running           0,2-3
                [out] 1       demo                    running           1
                [sim] input uart0 "hi\\n"
                [uart0] hi
                [cmd] jailhouse cell shutdown demo
                [console] Cell "demo" can be loaded
                [sim] expect-cell demo shut-down within 0s
                [cmd] jailhouse cell destroy demo
                [console] Closing cell "demo"
                [sim] expect console "Closing cell" within 0s
                [cmd] jailhouse disable
                [console] Shutting down hypervisor
                """, first.out());
        assertEquals(first, run(script), "the same script gives the same log");
    }

    @Test
    void aFailedExpectationNamesTheScriptLine() {
        CliRun run = run("enable configs/arm64/system.cell\n\nsim expect uart0 \"never\" within 500ms\ndisable\n");
        assertEquals(1, run.status());
        assertEquals("test.jhs:3: expected \"never\" on uart0 within 500ms, not seen\n", run.err());
        assertTrue(run.out().endsWith("[sim] expect uart0 \"never\" within 500ms\n"), run.out());
        CliRun cell = run("sim expect-cell demo running within 1s\n");
        assertEquals("test.jhs:1: expected cell demo to be running within 1s, it is absent\n", cell.err());
    }

    @Test
    void aFailedCommandEndsTheScriptUnlessItWasExpectedToFail() {
        CliRun failed = run("enable configs/arm64/system.cell\ncell start nosuch\ndisable\n");
        assertEquals(1, failed.status());
        assertEquals("test.jhs:2: 'jailhouse cell start nosuch' failed with exit status 1:"
                + " JAILHOUSE_CELL_START: No such file or directory\n", failed.err());
        assertTrue(!failed.out().contains("disable"), failed.out());
        CliRun succeeded = run("! enable configs/arm64/system.cell\n");
        assertEquals("test.jhs:1: 'jailhouse enable configs/arm64/system.cell' was expected to fail,"
                + " but succeeded\n", succeeded.err());
    }

    @Test
    void scriptsThatCannotRunAreRefusedBeforeTheBoardStarts() {
        assertRefused("sim wait 1s\n", "test.jhs:1: unknown directive 'sim wait', expected run, expect,"
                + " expect-cell, input or note");
        assertRefused("\nsim run 2 s\n", "test.jhs:2: expected sim run DURATION");
        assertRefused("sim run 2min\n", "test.jhs:1: invalid duration '2min', expected e.g. 2s, 500ms, 100us, 20ns");
        assertRefused("sim expect uart0 \"open\n", "test.jhs:1: unterminated \" quote");
        assertRefused("sim expect uart0 x after 1s\n", "test.jhs:1: expected 'within DURATION' after the text,"
                + " found 'after 1s'");
        assertRefused("sim expect-cell demo sleeping\n", "test.jhs:1: unknown cell state 'sleeping', expected one of"
                + " absent, failed, failed/comm-revision, running, running/locked, shut-down");
        assertRefused("board start qemu-arm64\n", "test.jhs:1: expected a jailhouse command (cell, config,"
                + " console, disable, enable) or a sim directive, found 'board start qemu-arm64'");
        assertRefused("sim input uart0 \"\\q\"\n", "test.jhs:1: unknown escape \\q (known: \\n \\r \\t \\\\ \\\")");
    }

    private void assertRefused(String script, String error) {
        CliRun run = run(script);
        assertEquals(2, run.status(), script);
        assertEquals(error + "\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnknownUartOrMissingScriptIsOneLine() {
        CliRun uart = run("sim input uart7 x\n");
        assertEquals("test.jhs:1: no UART 'uart7' on board qemu-arm64 (it has uart0; the hypervisor's is"
                + " 'console')\n", uart.err());
        CliRun missing = CliRun.of("run", "-C", dir.toString(), "nope.jhs");
        assertEquals(1, missing.status());
        assertEquals("opening nope.jhs: No such file or directory\n", missing.err());
        CliRun board = CliRun.of("run", "--board", "pdp-11", "-C", dir.toString(), "test.jhs");
        assertEquals("jailhouse: unknown board 'pdp-11', expected one of qemu-arm64\n", board.err());
    }
}
