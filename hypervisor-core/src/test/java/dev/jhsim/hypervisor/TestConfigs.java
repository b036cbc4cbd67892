package dev.jhsim.hypervisor;

import dev.jhsim.config.ConfigFormatException;
import dev.jhsim.config.binary.ConfigReader;
import dev.jhsim.config.binary.ConfigWriter;
import dev.jhsim.config.c.CompileException;
import dev.jhsim.config.c.CompileOptions;
import dev.jhsim.config.c.ConfigCompiler;
import dev.jhsim.config.model.CellConfig;
import dev.jhsim.config.model.Layout;
import dev.jhsim.config.model.SystemConfig;
import dev.jhsim.fixtures.Repo;
import java.util.function.UnaryOperator;

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
}
