package dev.jhsim.config.check;

import java.util.List;

/**
 * One check of {@code jailhouse config check}: a small rule with a stable
 * id (used by the JSON and JUnit reports) and the section title of the text
 * report. Checks are listed in {@link dev.jhsim.config.check.checks.Checks#ALL}.
 */
public interface Check {
    /** A stable, lower-case id such as {@code overlap-in-cell}. */
    String id();

    /** The section title, e.g. {@code Overlapping memory regions inside cell}. */
    String title(ConfigSet set);

    /** Whether the check has anything to look at in this set; sections of checks that do not apply are left out. */
    default boolean appliesTo(ConfigSet set) {
        return true;
    }

    /** The findings, in a deterministic order (cells as given, elements ascending). */
    List<Finding> run(ConfigSet set);
}
