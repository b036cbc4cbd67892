package dev.jhsim.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** File access for commands, with failures worded the way the upstream tool words them. */
final class InputFiles {
    private InputFiles() {
    }

    /** Reads a whole file the user named; {@code opening FILE: No such file or directory} on failure. */
    static byte[] read(String file) {
        return read(Path.of(file), file);
    }

    /** Reads {@code path}, naming it {@code file} (as the user gave it) in errors. */
    static byte[] read(Path path, String file) {
        try {
            if (Files.isDirectory(path)) {
                throw new UserError("opening " + file + ": Is a directory");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UserError("opening " + file + ": No such file or directory");
        } catch (AccessDeniedException e) {
            throw new UserError("opening " + file + ": Permission denied");
        } catch (IOException e) {
            throw new UserError("reading " + file + ": " + e.getMessage());
        }
    }

    /**
     * Writes {@code data} to {@code file} atomically: a temporary file beside it,
     * renamed into place, so a failure never leaves a half-written file.
     */
    static void writeAtomically(String file, byte[] data) {
        Path target = Path.of(file).toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.write(tmp, data);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            throw new UserError("writing " + file + ": No such file or directory");
        } catch (AccessDeniedException e) {
            throw new UserError("writing " + file + ": Permission denied");
        } catch (IOException e) {
            throw new UserError("writing " + file + ": " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The rename succeeded or the error above is what matters.
                }
            }
        }
    }
}
