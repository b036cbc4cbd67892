package dev.jhsim.config.model;

/**
 * The binary layouts of configuration files jhsim reads and writes. They differ
 * in signatures, the architecture byte, field order and MinervaSys extensions;
 * the revision number in the header identifies all but the MinervaSys variant,
 * which shares revision 14 with upstream and is told apart by its sizes.
 */
public enum Layout {
    /** The v0.12 release: 6-byte signatures, IOMMU units inside the x86/ARM platform info. */
    V12(12, "v12", "revision 12 (v0.12)"),
    /** Upstream master from mid-2020 to early 2023: 6-byte signatures, no architecture byte. */
    V13(13, "v13", "revision 13"),
    /** Current upstream: 5-byte signatures followed by the architecture byte. */
    V14(14, "v14", "revision 14 (upstream)"),
    /** The MinervaSys fork: revision 14 with colours, MemGuard and QoS. */
    MINERVASYS(14, "minervasys", "revision 14 (MinervaSys)");

    private final int revision;
    private final String id;
    private final String description;

    Layout(int revision, String id, String description) {
        this.revision = revision;
        this.id = id;
        this.description = description;
    }

    public int revision() {
        return revision;
    }

    /** The short name used in JSON and on the command line. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether the headers carry an architecture byte (revision 14 and later). */
    public boolean hasArchitectureByte() {
        return revision >= 14;
    }

    public boolean isMinervaSys() {
        return this == MINERVASYS;
    }

    public static Layout ofId(String id) {
        for (Layout l : values()) {
            if (l.id.equalsIgnoreCase(id)) {
                return l;
            }
        }
        return null;
    }
}
