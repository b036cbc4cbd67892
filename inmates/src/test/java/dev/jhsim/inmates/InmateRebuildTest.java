package dev.jhsim.inmates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jhsim.fixtures.Repo;
import dev.jhsim.fixtures.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed images are exactly what their sources build to (the build is reproducible). */
class InmateRebuildTest {
    @TempDir
    Path out;

    @Test
    void committedImagesMatchARebuild() throws Exception {
        Tools.require("make", "aarch64-linux-gnu-gcc", "aarch64-linux-gnu-objcopy");
        Process make = new ProcessBuilder("make", "-s", "-B", "-C", Repo.path("inmates").toString(), "OUT=" + out)
                .redirectErrorStream(true).start();
        String log = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, make.waitFor(), "make failed:\n" + log);

        assertEquals(Files.readString(out.resolve("index.txt")), String.join("\n", Inmates.names()) + "\n",
                "the set of images changed; run 'make -C inmates' and commit");
        for (String name : Inmates.names()) {
            assertArrayEquals(Files.readAllBytes(out.resolve(name)), Inmates.image(name).orElseThrow(),
                    name + " differs from its rebuild; run 'make -C inmates' and commit");
        }
    }
}
