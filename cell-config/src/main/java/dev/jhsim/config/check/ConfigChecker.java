package dev.jhsim.config.check;

import dev.jhsim.config.check.checks.Checks;
import java.util.ArrayList;
import java.util.List;

/** Runs every check of the table that applies to a set. */
public final class ConfigChecker {
    private ConfigChecker() {
    }

    public static CheckReport check(ConfigSet set) {
        List<CheckReport.Section> sections = new ArrayList<>();
        for (Check check : Checks.ALL) {
            if (check.appliesTo(set)) {
                sections.add(new CheckReport.Section(check.id(), check.title(set), check.run(set)));
            }
        }
        return new CheckReport(set, sections);
    }
}
