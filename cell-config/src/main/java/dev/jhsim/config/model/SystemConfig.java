package dev.jhsim.config.model;

import static dev.jhsim.config.model.Ranges.u32;

/**
 * {@code struct jailhouse_system}: the system configuration that enables the
 * hypervisor, with the root cell it embeds.
 *
 * @param rootCellHeader the 8 header bytes (signature, architecture, revision)
 *     of the embedded root-cell descriptor, as a little-endian number; upstream
 *     sources leave them zero, but they are kept so files round-trip exactly
 */
public record SystemConfig(Layout layout, Architecture architecture, long flags,
        MemoryRegion hypervisorMemory, Console debugConsole, PlatformInfo platform,
        long rootCellHeader, Cell rootCell) implements ConfigFile {

    public static final long VIRTUAL_DEBUG_CONSOLE = 0x0001;
    public static final Symbols FLAGS = Symbols.flags().with("VIRTUAL_DEBUG_CONSOLE", VIRTUAL_DEBUG_CONSOLE);

    public SystemConfig {
        if (layout == null || hypervisorMemory == null || debugConsole == null || platform == null
                || rootCell == null) {
            throw new IllegalArgumentException("system configuration is incomplete");
        }
        if (layout.hasArchitectureByte() && architecture == null) {
            throw new IllegalArgumentException(layout.description() + " requires an architecture");
        }
        if (!layout.hasArchitectureByte()) {
            architecture = null;
        }
        u32(flags, "system flags");
    }

    @Override
    public String kind() {
        return "system";
    }

    /** Whether the platform info holds ARM fields (otherwise x86 fields). */
    public boolean isArmPlatform() {
        return platform.arm() != null;
    }
}
