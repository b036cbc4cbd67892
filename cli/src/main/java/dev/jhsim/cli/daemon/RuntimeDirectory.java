package dev.jhsim.cli.daemon;

import dev.jhsim.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Where board daemons keep their sockets, locks and logs: the per-user
 * {@code $XDG_RUNTIME_DIR/jhsim}, else {@code /tmp/jhsim-$UID}, mode 0700 so
 * that no other user can talk to a board.
 */
public final class RuntimeDirectory {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private RuntimeDirectory() {
    }

    /** The directory for this user and environment (it may not exist yet). */
    public static Path of(Map<String, String> environment) {
        String xdg = environment.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "jhsim");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "jhsim-" + new com.sun.security.auth.module.UnixSystem()
                .getUid());
    }

    /** Creates the directory if needed and refuses one that others could use. */
    public static Path ensure(Map<String, String> environment) {
        Path dir = of(environment);
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
            long owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (owner != new com.sun.security.auth.module.UnixSystem().getUid()) {
                throw new UserError("jailhouse: runtime directory " + dir + " belongs to another user");
            }
        } catch (IOException e) {
            throw new UserError("jailhouse: cannot use runtime directory " + dir + ": " + e.getMessage());
        }
        return dir;
    }

    static Path socket(Path dir, String name) {
        return dir.resolve(name + ".sock");
    }

    static Path lock(Path dir, String name) {
        return dir.resolve(name + ".lock");
    }

    /** The daemon's own log (and its standard output and error). */
    public static Path log(Path dir, String name) {
        return dir.resolve(name + ".log");
    }
}
