package dev.jhsim.cli;

import dev.jhsim.config.ConfigFormatException;
import dev.jhsim.config.ConfigLoader;
import dev.jhsim.config.binary.ConfigWriter;
import dev.jhsim.config.binary.LayoutHint;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.CellConfig;
import dev.jhsim.config.model.CpuSet;
import dev.jhsim.fixtures.ConfigFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Configuration files for the fake board: the arm64 fixtures, cells renamed and given CPUs. */
final class TestConfigs {
    private TestConfigs() {
    }

    /** The arm64 system configuration fixture (root cell CPUs 0-3). */
    static byte[] system() {
        return ConfigFixtures.get("v14", "arm64-system").bytes();
    }

    /** The arm64 cell fixture, renamed and with the given CPUs. */
    static byte[] cell(String name, Integer... cpus) {
        try {
            CellConfig fixture = (CellConfig) ConfigLoader.parse(ConfigFixtures.get("v14", "arm64-cell").bytes(),
                    LayoutHint.AUTO).file();
            Cell c = fixture.cell();
            Cell renamed = new Cell(name, c.id(), c.flags(), CpuSet.of(8, List.of(cpus)), c.memoryRegions(),
                    c.cacheRegions(), c.irqchips(), c.pioRegions(), c.pciDevices(), c.pciCaps(), c.streamIds(),
                    c.qosDevices(), c.vpciIrqBase(), c.cpuResetAddress(), c.msgReplyTimeout(), c.console());
            return ConfigWriter.write(new CellConfig(fixture.layout(), fixture.architecture(), renamed));
        } catch (ConfigFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code bytes} to {@code dir/name} and returns the path. */
    static Path write(Path dir, String name, byte[] bytes) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lays out a tree like an exported board's: the system configuration,
     * cells {@code demo} (CPU 1) and {@code other} (CPU 1 too, so both cannot
     * exist at once) and a fake inmate that prints "Timer fired" ten times a
     * virtual second.
     */
    static void tree(Path dir) {
        write(dir, "configs/arm64/system.cell", system());
        write(dir, "configs/arm64/demo.cell", cell("demo", 1));
        write(dir, "configs/arm64/other.cell", cell("other", 1));
        write(dir, "configs/arm64/second.cell", cell("second", 2));
        write(dir, "inmates/timer.bin", FakeBoard.ticker("Timer fired"));
    }
}
