package dev.jhsim.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.fixtures.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BoardsTest {
    @Test
    void indexListsExactlyTheBoardFolders() throws IOException {
        try (Stream<Path> dirs = Files.list(Repo.path("boards"))) {
            List<String> folders = dirs.filter(d -> Files.isRegularFile(d.resolve("board.json")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
            assertEquals(folders, Boards.names(), "boards/index.txt must list every boards/<name>/board.json");
        }
    }

    @Test
    void everyBoardHasItsDescription() {
        for (String board : Boards.names()) {
            assertTrue(Boards.description(board).orElseThrow().contains("\"name\": \"" + board + "\""), board);
        }
        assertTrue(Boards.description("no-such-board").isEmpty());
    }
}
