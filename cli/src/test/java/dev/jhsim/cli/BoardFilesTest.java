package dev.jhsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jhsim.boards.Boards;
import dev.jhsim.fixtures.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jailhouse board export}: the board's files in upstream's tree shape, as the repository has them. */
class BoardFilesTest {
    @TempDir
    Path dir;

    private static List<String> files(Path root, String glob) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        var matcher = root.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(p -> matcher.matches(Path.of(p))).sorted().toList();
        }
    }

    @Test
    void exportLaysOutEveryConfigurationAndArm64InmateOfTheRepository() throws IOException {
        CliRun run = CliRun.of("board", "export", "qemu-arm64", dir.toString());
        assertEquals(0, run.status(), run.err());
        List<String> configs = files(Repo.path("boards/qemu-arm64/configs"), "*.c").stream()
                .map(c -> "configs/arm64/" + c.replaceFirst("\\.c$", ".cell")).toList();
        List<String> inmates = files(Repo.path("inmates"), "{demos,tests}/arm64/*.bin").stream()
                .map(i -> "inmates/" + i).toList();
        List<String> expected = Stream.concat(configs.stream(), inmates.stream()).sorted().toList();
        assertEquals(expected, files(dir, "**"));
        for (String config : configs) {
            assertArrayEquals(Boards.file("qemu-arm64", config.replace("configs/arm64/", "configs/")).orElseThrow(),
                    Files.readAllBytes(dir.resolve(config)), config);
        }
        for (String inmate : inmates) {
            assertArrayEquals(Files.readAllBytes(Repo.path(inmate)), Files.readAllBytes(dir.resolve(inmate)), inmate);
        }
        assertEquals("Exported " + expected.size() + " files of board qemu-arm64 to " + dir + ":\n"
                + String.join("", expected.stream().map(f -> "  " + f + "\n").toList()), run.out());
    }

    @Test
    void anUnknownBoardIsOneLine() {
        CliRun run = CliRun.of("board", "export", "pdp-11", dir.toString());
        assertEquals(2, run.status());
        assertEquals("jailhouse: unknown board 'pdp-11', expected one of qemu-arm64\n", run.err());
    }
}
