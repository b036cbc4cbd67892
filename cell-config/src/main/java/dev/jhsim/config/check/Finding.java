package dev.jhsim.config.check;

import dev.jhsim.config.c.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One problem a check found: the cell and element it is about, where that
 * element was written (for C input), what is wrong and how to fix it.
 *
 * @param details lines describing the element, printed before the problem
 *     (upstream prints the region here)
 * @param related lines describing what it conflicts with, printed after the
 *     problem (upstream prints the other region here)
 */
public record Finding(String cell, Element element, Optional<SourceLocation> location, List<String> details,
        String problem, List<String> related, String hint) {

    public Finding {
        details = List.copyOf(details);
        related = List.copyOf(related);
        if (problem.isBlank() || hint.isBlank() || problem.contains("\n") || hint.contains("\n")) {
            throw new IllegalArgumentException("a finding needs a one-line problem and a one-line hint");
        }
    }

    public Finding withDetails(List<String> lines) {
        return new Finding(cell, element, location, lines, problem, related, hint);
    }

    public Finding withRelated(List<String> lines) {
        return new Finding(cell, element, location, details, problem, lines, hint);
    }
}
