package dev.jhsim.cli.daemon;

import java.nio.file.Path;

/** A board daemon: its name and the socket it listens on. */
public record BoardAddress(String name, Path socket) {
    /** The daemon's log, beside its socket. */
    public Path log() {
        return RuntimeDirectory.log(socket.getParent(), name);
    }
}
