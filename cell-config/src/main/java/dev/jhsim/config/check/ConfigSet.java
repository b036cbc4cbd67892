package dev.jhsim.config.check;

import dev.jhsim.config.model.CellConfig;
import dev.jhsim.config.model.SystemConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code jailhouse config check} checks: a system configuration (with
 * its root cell), the non-root cells meant to run on it and, optionally, the
 * board they are meant for.
 */
public final class ConfigSet {
    private final SystemConfig system;
    private final CheckedCell root;
    private final List<CheckedCell> nonRoot;
    private final BoardFacts board;

    private ConfigSet(SystemConfig system, CheckedCell root, List<CheckedCell> nonRoot, BoardFacts board) {
        this.system = system;
        this.root = root;
        this.nonRoot = List.copyOf(nonRoot);
        this.board = board;
    }

    /**
     * The set of one system configuration and its cells, refused (like
     * upstream's checker and Jailhouse's driver refuse them) when the files
     * are of the wrong kind or do not belong to the same hypervisor build.
     *
     * @param board the board to check against, or {@code null}
     */
    public static ConfigSet of(CheckInput system, List<CheckInput> cells, BoardFacts board)
            throws ConfigSetException {
        if (!(system.file() instanceof SystemConfig sys)) {
            throw new ConfigSetException("Not a root cell configuration: " + system.fileName());
        }
        List<CheckedCell> nonRoot = new ArrayList<>();
        for (CheckInput input : cells) {
            if (!(input.file() instanceof CellConfig cell)) {
                throw new ConfigSetException("Not a cell configuration: " + input.fileName());
            }
            if (cell.layout() != sys.layout()) {
                throw new ConfigSetException("Configuration layout mismatch: " + cell.layout().description()
                        + ", the system configuration is " + sys.layout().description() + ": " + input.fileName());
            }
            if (cell.architecture() != sys.architecture()) {
                throw new ConfigSetException("Cell architecture mismatch: " + cell.architecture().displayName()
                        + ": " + input.fileName());
            }
            nonRoot.add(new CheckedCell(cell.cell(), false, input));
        }
        return new ConfigSet(sys, new CheckedCell(sys.rootCell(), true, system), nonRoot, board);
    }

    public SystemConfig system() {
        return system;
    }

    public CheckedCell root() {
        return root;
    }

    public List<CheckedCell> nonRoot() {
        return nonRoot;
    }

    /** The root cell first, then the non-root cells in the order given. */
    public List<CheckedCell> cells() {
        List<CheckedCell> all = new ArrayList<>();
        all.add(root);
        all.addAll(nonRoot);
        return all;
    }

    /** The cells given before {@code cell} (the root cell first), for checks between pairs of cells. */
    public List<CheckedCell> before(CheckedCell cell) {
        List<CheckedCell> earlier = new ArrayList<>();
        for (CheckedCell c : cells()) {
            if (c == cell) {
                return earlier;
            }
            earlier.add(c);
        }
        throw new IllegalArgumentException("cell '" + cell.name() + "' is not in the set");
    }

    /** Whether the system is an ARM one (arm or arm64), whose platform info describes a GIC. */
    public boolean isArm() {
        return system.isArmPlatform();
    }

    /**
     * The architecture as upstream names it ({@code x86}, {@code arm}, {@code arm64});
     * {@code arm/arm64} for revisions 12 and 13, whose headers do not say which.
     */
    public String architecture() {
        if (system.architecture() != null) {
            return system.architecture().displayName();
        }
        return isArm() ? "arm/arm64" : "x86";
    }

    public Optional<BoardFacts> board() {
        return Optional.ofNullable(board);
    }
}
