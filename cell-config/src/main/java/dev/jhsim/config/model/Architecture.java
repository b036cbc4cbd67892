package dev.jhsim.config.model;

/** The architecture byte of revision-14 headers. */
public enum Architecture {
    X86(0, "x86"),
    ARM(1, "arm"),
    ARM64(2, "arm64");

    private final int id;
    private final String displayName;

    Architecture(int id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public int id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The architecture with the given header byte, or {@code null} if none has it. */
    public static Architecture ofId(int id) {
        for (Architecture a : values()) {
            if (a.id == id) {
                return a;
            }
        }
        return null;
    }

    /** The architecture with the given display name (case-insensitive), or {@code null}. */
    public static Architecture ofName(String name) {
        for (Architecture a : values()) {
            if (a.displayName.equalsIgnoreCase(name)) {
                return a;
            }
        }
        return null;
    }

    /** Whether the platform info uses its ARM member (arm and arm64 share it). */
    public boolean isArmFamily() {
        return this != X86;
    }
}
