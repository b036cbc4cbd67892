package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.Check;
import dev.jhsim.config.check.ConfigSet;

/** A check with a fixed id and section title. */
abstract class NamedCheck implements Check {
    private final String id;
    private final String title;

    NamedCheck(String id, String title) {
        this.id = id;
        this.title = title;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title(ConfigSet set) {
        return title;
    }
}
