package dev.jhsim.config.model;

/** A configuration file: a system configuration or a cell configuration. */
public sealed interface ConfigFile permits SystemConfig, CellConfig {
    Layout layout();

    /** The architecture recorded in the header, or {@code null} where the layout does not record it. */
    Architecture architecture();

    /** {@code "system"} or {@code "cell"}. */
    String kind();
}
