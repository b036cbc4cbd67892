package dev.jhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.fixtures.Repo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole scenarios on the real qemu-arm64 board (hypervisor core, bundled
 * configurations and inmates), each log compared with its golden file.
 * Regenerate after an intended change with
 * {@code mvn -pl cli -am verify -Djhsim.golden.update=true -Dtest=GoldenScenarioTest
 * -Dsurefire.failIfNoSpecifiedTests=false} and review the diff.
 */
class GoldenScenarioTest {
    private static final String RESOURCES = "cli/src/test/resources/scenarios/qemu-arm64/";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"gic-demo", "ivshmem", "violation"})
    void scenarioLogMatchesItsGoldenFile(String scenario) throws IOException {
        String log = runScenario(scenario);
        assertGolden(scenario + ".log", log);
    }

    @Test
    void gicDemoFiresTwentyTimesInTwoSecondsOfVirtualTime() throws IOException {
        List<String> lines = runScenario("gic-demo").lines().toList();
        int start = lines.indexOf("[sim] run 2s");
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("[cmd]")) {
            end++;
        }
        long fired = lines.subList(start, end).stream().filter(l -> l.startsWith("[uart0] Timer fired")).count();
        assertTrue(fired >= 19 && fired <= 21, "expected 20 ± 1 timer lines in 2 s, got " + fired);
    }

    @Test
    void violationIsReportedPreciselyWhileTheOtherCellRunsOn() throws IOException {
        String log = runScenario("violation");
        assertTrue(log.contains("[out] 2       violation               failed            4                       4"), log);
        int failure = log.indexOf("Parking CPU");
        assertTrue(failure > 0, log);
        assertTrue(log.indexOf("[uart0] Timer fired", failure) > failure, "gic-demo printed on after the failure");
    }

    @Test
    void demoOutputMatchesItsGoldenFile() throws IOException {
        CliRun run = CliRun.of("demo");
        assertEquals(0, run.status(), run.err());
        assertGolden("demo.log", run.out());
    }

    private String runScenario(String scenario) throws IOException {
        BoardFiles.write("qemu-arm64", dir);
        Files.write(dir.resolve(scenario + ".jhs"), resource(scenario + ".jhs"));
        CliRun run = CliRun.of("run", "--board", "qemu-arm64", "-C", dir.toString(), scenario + ".jhs");
        assertEquals(0, run.status(), run.out() + run.err());
        return run.out();
    }

    private static void assertGolden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("jhsim.golden.update")) {
            Files.writeString(Repo.path(RESOURCES + name), actual);
            return;
        }
        assertEquals(new String(resource(name), StandardCharsets.UTF_8), actual,
                name + " differs from the golden file (see this class's comment to regenerate)");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GoldenScenarioTest.class.getResourceAsStream("/scenarios/qemu-arm64/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
