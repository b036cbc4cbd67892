package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A check that looks at one kind of array element (memory regions,
 * irqchips, ...) one element at a time: cells as given, elements ascending.
 */
abstract class ElementCheck<T> extends NamedCheck {
    /** Which cells the check looks at. */
    enum Scope { ALL_CELLS, NON_ROOT_CELLS }

    private final Scope scope;
    private final Function<Cell, List<T>> elements;

    ElementCheck(String id, String title, Scope scope, Function<Cell, List<T>> elements) {
        super(id, title);
        this.scope = scope;
        this.elements = elements;
    }

    /** The findings about element {@code index} of {@code cell}. */
    abstract List<Finding> check(ConfigSet set, CheckedCell cell, int index, T element);

    @Override
    public final List<Finding> run(ConfigSet set) {
        List<Finding> findings = new ArrayList<>();
        for (CheckedCell cell : scope == Scope.ALL_CELLS ? set.cells() : set.nonRoot()) {
            List<T> list = elements.apply(cell.cell());
            for (int i = 0; i < list.size(); i++) {
                findings.addAll(check(set, cell, i, list.get(i)));
            }
        }
        return findings;
    }
}
