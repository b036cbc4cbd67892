package dev.jhsim.cli;

import dev.jhsim.boards.Boards;
import dev.jhsim.machine.board.BoardDescriptionReader;
import dev.jhsim.machine.board.BoardFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A bundled board's files where users of upstream Jailhouse expect them:
 * {@code configs/ARCH/*.cell} (the board's compiled configurations) and
 * {@code inmates/demos/ARCH/*.bin}, {@code inmates/tests/ARCH/*.bin} (the
 * inmate images), so that upstream's command sequence works as typed.
 */
final class BoardFiles {
    private BoardFiles() {
    }

    /** The board's files by their path in upstream's tree, sorted. */
    static Map<String, byte[]> tree(String board) {
        String arch = architecture(board);
        Map<String, byte[]> tree = new TreeMap<>();
        resources("/boards/" + board + "/configs").forEach((path, bytes) -> {
            if (path.endsWith(".cell") && !path.contains("/")) {
                tree.put("configs/" + arch + "/" + path, bytes);
            }
        });
        resources("/inmates").forEach((path, bytes) -> {
            if (path.endsWith(".bin") && path.contains("/" + arch + "/")) {
                tree.put("inmates/" + path, bytes);
            }
        });
        return tree;
    }

    /** Writes the tree below {@code dir} and says what it wrote. */
    static void export(String board, Path dir, PrintWriter out) {
        Map<String, byte[]> tree = write(board, dir);
        out.printf("Exported %d files of board %s to %s:%n", tree.size(), board, dir);
        tree.keySet().forEach(path -> out.printf("  %s%n", path));
        out.flush();
    }

    /** Writes the tree below {@code dir}, each file atomically; returns it. */
    static Map<String, byte[]> write(String board, Path dir) {
        Map<String, byte[]> tree = tree(board);
        for (Map.Entry<String, byte[]> file : tree.entrySet()) {
            Path target = dir.resolve(file.getKey());
            try {
                Files.createDirectories(target.getParent());
            } catch (IOException e) {
                throw new UserError("jailhouse: cannot create " + target.getParent() + ": " + e.getMessage());
            }
            InputFiles.writeAtomically(target.toString(), file.getValue());
        }
        return tree;
    }

    private static String architecture(String board) {
        try {
            return BoardDescriptionReader.parse(Boards.description(board).orElseThrow()).architecture();
        } catch (BoardFormatException e) {
            throw new UserError("board " + board + ": " + e.getMessage());
        }
    }

    /** The files below a class-path directory (in a directory or a jar), by their path relative to it. */
    private static Map<String, byte[]> resources(String root) {
        URL url = BoardFiles.class.getResource(root);
        if (url == null) {
            return Map.of();
        }
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) {
                return read(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return read(jar.provider().getPath(uri));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
