package dev.jhsim.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.config.model.PlatformInfo.ArmPlatform;
import dev.jhsim.fixtures.Repo;
import dev.jhsim.hypervisor.driver.CellRef;
import dev.jhsim.hypervisor.driver.PreloadImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hypervisor on machine-model's GICv2 variant of qemu-arm64 (QEMU's
 * gic-version=2 frames, 8 CPUs), with the bundled system configuration
 * adapted to it: the demos and the SMP test run as on GICv3.
 */
class GicV2Test {
    private static final String BOARD = "machine-model/src/test/resources/dev/jhsim/machine/board/qemu-arm64-gicv2.json";

    @Test
    void gicDemoAndIvshmem() throws Exception {
        try (Qemu q = gicv2Board()) {
            q.driver.enable(system());
            String enable = q.console();
            assertTrue(enable.contains("Page pool usage after late setup: mem 18/1020, remap 5/131072\n"),
                    "GICD, GICC and GICH remapped, GICV mapped for the root cell: " + enable);
            q.start("qemu-arm64-inmate-demo", "demos/arm64/gic-demo.bin", null);
            q.start("qemu-arm64-ivshmem-demo-1", "demos/arm64/ivshmem-demo.bin", null);
            q.start("qemu-arm64-ivshmem-demo-2", "demos/arm64/ivshmem-demo.bin", null);
            q.runMs(2000);
            String uart = q.uart.toString();
            int lines = uart.split("Timer fired", -1).length - 1;
            assertTrue(lines >= 19 && lines <= 21, lines + " timer lines");
            assertTrue(uart.contains("IVSHMEM: peer 1 got a doorbell: peer 2 says 3"), uart);
            assertTrue(uart.contains("IVSHMEM: peer 2 got a doorbell: peer 1 says 3"), uart);
            assertTrue(q.board.failures().isEmpty(), q.board.failures().toString());
            q.driver.disable();
        }
    }

    @Test
    void aSecondCpuStartsWithPsciAndGetsAnSgiThroughGicdSgir() throws Exception {
        try (Qemu q = gicv2Board()) {
            q.driver.enable(system());
            q.driver.cellCreate(CellManagementTest.probe("PROBE_NAME=\"smp\"", "PROBE_CPUS=(1 << 6) | (1 << 7)",
                    "PROBE_RAM=6"));
            q.driver.cellLoad(CellRef.byName("smp"), List.of(new PreloadImage(Qemu.inmate("tests/arm64/smp.bin"),
                    0)));
            q.driver.cellStart(CellRef.byName("smp"));
            q.runMs(100);
            assertTrue(q.uart.toString().contains("SMP test: all 6 checks passed"), q.uart.toString());
            assertEquals(1, q.driver.statistics(CellRef.byName("smp"), 7).get("vmexits_virt_sgi"));
        }
    }

    private static Qemu gicv2Board() throws IOException {
        return new Qemu(Files.readString(Repo.path(BOARD)));
    }

    /** The bundled system configuration with the root cell on the 8 CPUs and the GICv2 frames. */
    private static byte[] system() {
        return TestConfigs.system(s -> TestConfigs.withRootCpus(TestConfigs.withArm(s, a -> new ArmPlatform(
                a.maintenanceIrq(), 2, 0x0800_0000L, 0x0801_0000L, 0x0803_0000L, 0x0804_0000L, 0)), 0, 7));
    }
}
