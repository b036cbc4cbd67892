package dev.jhsim.hypervisor;

import dev.jhsim.config.ConfigFormatException;
import dev.jhsim.config.binary.ConfigReader;
import dev.jhsim.config.binary.ConfigWriter;
import dev.jhsim.config.c.CompileException;
import dev.jhsim.config.c.CompileOptions;
import dev.jhsim.config.c.ConfigCompiler;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.CellConfig;
import dev.jhsim.config.model.Console;
import dev.jhsim.config.model.CpuSet;
import dev.jhsim.config.model.Layout;
import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.config.model.PlatformInfo;
import dev.jhsim.config.model.PlatformInfo.ArmPlatform;
import dev.jhsim.config.model.SystemConfig;
import dev.jhsim.fixtures.Repo;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * Configurations for tests: the test sources in {@code src/test/configs}
 * compiled with the qemu-arm64 building blocks and {@code -D} options, and
 * variants of the bundled system configuration.
 */
final class TestConfigs {
    private TestConfigs() {
    }

    /** {@code src/test/configs/NAME.c} with {@code defines} ({@code NAME=VALUE}). */
    static byte[] compile(String name, String... defines) {
        CompileOptions options = CompileOptions.DEFAULT.withIncludeDir(Repo.path("boards/qemu-arm64/configs"));
        for (String define : defines) {
            options = options.withDefine(define);
        }
        try {
            return ConfigCompiler.compile(Repo.path("hypervisor-core/src/test/configs/" + name + ".c"), options)
                    .bytes();
        } catch (CompileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A cell configuration written in another layout. */
    static byte[] inLayout(byte[] cellConfig, Layout layout) {
        try {
            CellConfig cell = (CellConfig) ConfigReader.read(cellConfig);
            return ConfigWriter.write(new CellConfig(layout, layout.hasArchitectureByte() ? cell.architecture() : null,
                    cell.cell()));
        } catch (ConfigFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The bundled qemu-arm64 system configuration, changed by {@code change}. */
    static byte[] system(UnaryOperator<SystemConfig> change) {
        try {
            return ConfigWriter.write(change.apply((SystemConfig) ConfigReader.read(Qemu.config("qemu-arm64"))));
        } catch (ConfigFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static SystemConfig withHypervisorMemory(SystemConfig s, long start, long size) {
        return new SystemConfig(s.layout(), s.architecture(), s.flags(), new MemoryRegion(start, 0, size, 0),
                s.debugConsole(), s.platform(), s.rootCellHeader(), s.rootCell());
    }

    static SystemConfig withConsole(SystemConfig s, long address, int type) {
        Console c = s.debugConsole();
        return new SystemConfig(s.layout(), s.architecture(), s.flags(), s.hypervisorMemory(),
                new Console(address, c.size(), type, c.flags(), c.divider(), c.gateNr(), c.clockReg()), s.platform(),
                s.rootCellHeader(), s.rootCell());
    }

    static SystemConfig withArm(SystemConfig s, UnaryOperator<ArmPlatform> change) {
        PlatformInfo p = s.platform();
        PlatformInfo platform = new PlatformInfo(p.pciMmconfigBase(), p.pciMmconfigEndBus(), p.pciIsVirtual(),
                p.pciDomain(), p.noSpectreMitigation(), p.iommuUnits(), p.coloring(), p.memguard(), p.qos(), p.x86(),
                change.apply(p.arm()));
        return new SystemConfig(s.layout(), s.architecture(), s.flags(), s.hypervisorMemory(), s.debugConsole(),
                platform, s.rootCellHeader(), s.rootCell());
    }

    /** The system configuration with root-cell CPUs {@code first} to {@code last}. */
    static SystemConfig withRootCpus(SystemConfig s, int first, int last) {
        Cell r = s.rootCell();
        List<Integer> cpus = IntStream.rangeClosed(first, last).boxed().toList();
        Cell root = new Cell(r.name(), r.id(), r.flags(), CpuSet.of(8, cpus), r.memoryRegions(),
                r.cacheRegions(), r.irqchips(), r.pioRegions(), r.pciDevices(), r.pciCaps(), r.streamIds(),
                r.qosDevices(), r.vpciIrqBase(), r.cpuResetAddress(), r.msgReplyTimeout(), r.console());
        return new SystemConfig(s.layout(), s.architecture(), s.flags(), s.hypervisorMemory(), s.debugConsole(),
                s.platform(), s.rootCellHeader(), root);
    }
}
