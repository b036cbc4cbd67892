package dev.jhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.boards.Boards;
import dev.jhsim.fixtures.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The qemu-arm64 configurations pass {@code jailhouse config check --board
 * qemu-arm64} without a finding: all cells may run at the same time, so the
 * system is checked with all of them, and with each alone.
 */
class QemuArm64ConfigsCheckTest {
    private static final Path CONFIGS = Repo.path("boards/qemu-arm64/configs");

    @TempDir
    Path dir;

    private static List<String> cellSources() throws IOException {
        try (Stream<Path> files = Files.list(CONFIGS)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("qemu-arm64-") && n.endsWith(".c")).sorted().toList();
        }
    }

    private static void assertClean(List<String> files) {
        List<String> args = new ArrayList<>(List.of("config", "check"));
        args.addAll(files);
        args.addAll(List.of("--board", "qemu-arm64"));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.status(), "findings for " + files + ":\n" + run.out() + run.err());
        assertEquals("", run.err());
    }

    private static String source(String name) {
        return CONFIGS.resolve(name).toString();
    }

    @Test
    void theSystemWithAllCellsIsClean() throws IOException {
        List<String> files = new ArrayList<>(List.of(source("qemu-arm64.c")));
        cellSources().forEach(c -> files.add(source(c)));
        assertTrue(files.size() >= 8, files.toString());
        assertClean(files);
    }

    @Test
    void theSystemWithEachCellAloneIsClean() throws IOException {
        for (String cell : cellSources()) {
            assertClean(List.of(source("qemu-arm64.c"), source(cell)));
        }
    }

    @Test
    void theBuiltCellFilesAreCleanToo() throws IOException {
        List<String> files = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("qemu-arm64.c"));
        names.addAll(cellSources());
        for (String name : names) {
            String cell = name.replaceFirst("\\.c$", ".cell");
            Path file = dir.resolve(cell);
            Files.write(file, Boards.file("qemu-arm64", "configs/" + cell).orElseThrow());
            files.add(file.toString());
        }
        assertClean(files);
    }
}
