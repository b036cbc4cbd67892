package dev.jhsim.config.model;

/**
 * A cell configuration file ({@code .cell} of a non-root cell): the layout it
 * is stored in, the architecture from its header ({@code null} for revisions
 * 12 and 13, whose headers do not record it) and the cell itself.
 */
public record CellConfig(Layout layout, Architecture architecture, Cell cell) implements ConfigFile {
    public CellConfig {
        if (layout == null || cell == null) {
            throw new IllegalArgumentException("cell configuration needs a layout and a cell");
        }
        if (layout.hasArchitectureByte() && architecture == null) {
            throw new IllegalArgumentException(layout.description() + " requires an architecture");
        }
        if (!layout.hasArchitectureByte()) {
            architecture = null;
        }
    }

    @Override
    public String kind() {
        return "cell";
    }
}
