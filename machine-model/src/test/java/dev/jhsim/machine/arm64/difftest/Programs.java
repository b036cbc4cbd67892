package dev.jhsim.machine.arm64.difftest;

import java.nio.file.Path;
import java.util.List;

/** The C test programs of src/test/c, built once per test run with the cross compiler. */
public final class Programs {
    static final Path SOURCES = Path.of("src", "test", "c");
    public static final Path OUT = Path.of("target", "cprograms").toAbsolutePath();
    private static boolean built;

    private Programs() {
    }

    /** Builds every program (make skips those already up to date); fails the test if a tool is missing. */
    public static synchronized void build() throws Exception {
        Toolchain.require();
        if (!built) {
            Toolchain.exec(SOURCES, List.of("make", "-s", "OUT=" + OUT, "CC=" + Toolchain.GCC));
            built = true;
        }
    }
}
