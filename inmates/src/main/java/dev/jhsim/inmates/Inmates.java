package dev.jhsim.inmates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The inmate images jhsim ships, as class-path resources under
 * {@code /inmates/} in upstream's tree shape: {@code demos/arm64/gic-demo.bin},
 * {@code tests/arm64/smp.bin}, ... ({@code inmates/index.txt} lists them).
 * The images are built from the C sources beside them by {@code make -C inmates}.
 */
public final class Inmates {
    private Inmates() {
    }

    /** The paths of all bundled images, e.g. {@code demos/arm64/gic-demo.bin}, sorted. */
    public static List<String> names() {
        byte[] index = resource("index.txt").orElseThrow(() -> new IllegalStateException("inmates index missing"));
        return new String(index, java.nio.charset.StandardCharsets.UTF_8).lines().map(String::trim)
                .filter(l -> !l.isEmpty()).sorted().toList();
    }

    /** The bytes of a bundled image, by its path (e.g. {@code demos/arm64/gic-demo.bin}), if there is one. */
    public static Optional<byte[]> image(String path) {
        return names().contains(path) ? resource(path) : Optional.empty();
    }

    private static Optional<byte[]> resource(String path) {
        try (InputStream in = Inmates.class.getResourceAsStream("/inmates/" + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
