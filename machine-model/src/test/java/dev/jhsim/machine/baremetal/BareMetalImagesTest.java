package dev.jhsim.machine.baremetal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bare-metal images print what they observe; each run must match its
 * golden file ({@code <image>.out}) and be identical to a second run.
 */
class BareMetalImagesTest {
    static final long LIMIT_PS = 10_000_000_000_000L;

    @ParameterizedTest
    @ValueSource(strings = {"exceptions", "mmu"})
    void outputMatchesTheGoldenFileOnEveryRun(String image) throws IOException {
        String first = new TestBoard(2).run(image, LIMIT_PS);
        String second = new TestBoard(2).run(image, LIMIT_PS);
        assertEquals(golden(image), first);
        assertEquals(first, second, "a second run prints the same");
    }

    static String golden(String image) throws IOException {
        try (InputStream in = BareMetalImagesTest.class.getResourceAsStream(image + ".out")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
