package dev.jhsim.machine.baremetal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jhsim.machine.board.Machine;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bare-metal images print what they observe; each run must match its
 * golden file ({@code <image>.out} on qemu-arm64, {@code <image>-gicv2.out}
 * on the GICv2 variant) and be identical to a second run.
 */
class BareMetalImagesTest {
    static final long LIMIT_PS = 10_000_000_000_000L;

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("exceptions", BareMetal.GICV3),
                Arguments.of("mmu", BareMetal.GICV3),
                Arguments.of("ticks", BareMetal.GICV3),
                Arguments.of("ticks", BareMetal.GICV2),
                Arguments.of("gic", BareMetal.GICV3),
                Arguments.of("gic", BareMetal.GICV2),
                Arguments.of("pci", BareMetal.GICV3));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("runs")
    void outputMatchesTheGoldenFileOnEveryRun(String image, String board) throws IOException {
        String first = run(image, board);
        String second = run(image, board);
        String golden = image + (board.equals(BareMetal.GICV2) ? "-gicv2" : "") + ".out";
        assertEquals(BareMetal.resource(golden), first);
        assertEquals(first, second, "a second run prints the same");
    }

    static String run(String image, String board) {
        Machine machine = BareMetal.machine(board);
        if (image.equals("pci")) {
            PciImages.attachTestDevice(machine);
        }
        String output = BareMetal.run(machine, image, LIMIT_PS);
        assertEquals(dev.jhsim.machine.arm64.system.CpuCluster.PowerRequest.OFF, machine.cluster().powerRequest(),
                image + " ends with PSCI SYSTEM_OFF:\n" + output);
        return output;
    }
}
