package dev.jhsim.boards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The boards jhsim ships: each is a folder {@code boards/<name>/} holding its
 * description ({@code board.json}) and its configurations, available as
 * class-path resources under {@code /boards/<name>/}.
 */
public final class Boards {
    private Boards() {
    }

    /** The names of all bundled boards, sorted. */
    public static List<String> names() {
        return text("/boards/index.txt").orElseThrow(() -> new IllegalStateException("boards index missing"))
                .lines().map(String::trim).filter(l -> !l.isEmpty()).sorted().toList();
    }

    /** The JSON board description of {@code board}, if there is such a board. */
    public static Optional<String> description(String board) {
        if (!names().contains(board)) {
            return Optional.empty();
        }
        return text("/boards/" + board + "/board.json");
    }

    /** A file of a board's folder as bytes (e.g. {@code configs/qemu-arm64.cell}), if present. */
    public static Optional<byte[]> file(String board, String relativePath) {
        try (InputStream in = Boards.class.getResourceAsStream("/boards/" + board + "/" + relativePath)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> text(String resource) {
        try (InputStream in = Boards.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
