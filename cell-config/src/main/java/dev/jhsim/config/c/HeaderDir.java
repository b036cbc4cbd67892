package dev.jhsim.config.c;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A directory that {@code #include} looks in: one on disk, or (part of) jhsim's bundled headers. */
sealed interface HeaderDir {
    /** The header {@code name} in this directory, or null if there is none. */
    SourceText open(String name) throws IOException;

    /** A directory on disk, such as an {@code -I} directory or the including file's own. */
    record Disk(Path dir) implements HeaderDir {
        @Override
        public SourceText open(String name) throws IOException {
            Path file = dir.resolve(name);
            return Files.isRegularFile(file) ? read(file) : null;
        }
    }

    /** jhsim's own configuration headers, shipped as class-path resources under {@code jhsim/include/}. */
    record Bundled(String subdir) implements HeaderDir {
        static final String ROOT = "jhsim/include/";

        @Override
        public SourceText open(String name) throws IOException {
            String path = Path.of(subdir, name).normalize().toString().replace('\\', '/');
            if (path.startsWith("..") || Path.of(name).isAbsolute()) {
                return null;
            }
            try (InputStream in = HeaderDir.class.getClassLoader().getResourceAsStream(ROOT + path)) {
                if (in == null) {
                    return null;
                }
                String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
                return new SourceText("<jhsim>/" + path, new String(in.readAllBytes(), StandardCharsets.ISO_8859_1),
                        new Bundled(parent), "bundled:" + path);
            }
        }
    }

    /** Reads a source file as it was named, byte for byte. */
    static SourceText read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        Path parent = file.getParent();
        return new SourceText(file.toString(), text, new Disk(parent == null ? Path.of("") : parent),
                file.toRealPath().toString());
    }
}
