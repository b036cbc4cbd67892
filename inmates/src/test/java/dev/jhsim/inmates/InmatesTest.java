package dev.jhsim.inmates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.fixtures.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InmatesTest {
    /** Where Jailhouse's loader puts a command line given with -s ... -a 0x1000. */
    private static final int CMDLINE_ADDRESS = 0x1000;
    /** The RAM of a demo cell (upstream's inmate-demo has 64 KiB). */
    private static final int CELL_RAM = 0x10000;

    @Test
    void indexListsExactlyTheCommittedImages() throws IOException {
        Path tree = Repo.path("inmates");
        try (Stream<Path> files = Files.walk(tree)) {
            List<String> images = files.filter(p -> p.toString().endsWith(".bin"))
                    .map(p -> tree.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.startsWith("demos/") || p.startsWith("tests/")).sorted().toList();
            assertEquals(images, Inmates.names(), "inmates/index.txt must list every image; run make -C inmates");
        }
    }

    @Test
    void everyImageIsOnTheClassPathAndFitsItsLayout() {
        for (String name : Inmates.names()) {
            byte[] image = Inmates.image(name).orElseThrow(() -> new AssertionError(name + " missing"));
            assertTrue(image.length > CMDLINE_ADDRESS && image.length < CELL_RAM, name + ": " + image.length + " bytes");
            assertEquals(0, image[CMDLINE_ADDRESS], name + ": the command line area must start empty");
        }
    }

    @Test
    void theUpstreamDemoNamesAreThere() {
        assertTrue(Inmates.image("demos/arm64/gic-demo.bin").isPresent());
        assertTrue(Inmates.image("demos/arm64/uart-demo.bin").isPresent());
        assertTrue(Inmates.image("demos/arm64/ivshmem-demo.bin").isPresent());
        assertTrue(Inmates.image("demos/arm64/no-such-demo.bin").isEmpty());
    }
}
