package dev.jhsim.hypervisor.driver;

/**
 * How the tool names a cell ({@code struct jailhouse_cell_id}): by numeric ID
 * or by name. The CLI turns its arguments into one with upstream's rules.
 */
public record CellRef(int id, String name) {
    /** Marks "no ID given" ({@code JAILHOUSE_CELL_ID_UNUSED}). */
    public static final int UNUSED_ID = -1;

    public static CellRef byId(int id) {
        return new CellRef(id, null);
    }

    public static CellRef byName(String name) {
        return new CellRef(UNUSED_ID, name);
    }

    public boolean hasId() {
        return id != UNUSED_ID;
    }

    @Override
    public String toString() {
        return hasId() ? Integer.toString(id) : name;
    }
}
