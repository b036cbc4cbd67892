package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.BoardFacts;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Finding;
import java.util.List;

/**
 * A check against the board given with {@code --board}. It applies only
 * with a board of the configuration's architecture (a board of another one
 * is the one finding of {@link BoardArchitecture}).
 */
abstract class BoardCheck extends NamedCheck {
    BoardCheck(String id, String title) {
        super(id, title);
    }

    abstract List<Finding> run(ConfigSet set, BoardFacts board);

    @Override
    public boolean appliesTo(ConfigSet set) {
        return set.board().map(board -> BoardArchitecture.fits(set, board)).orElse(false);
    }

    @Override
    public final List<Finding> run(ConfigSet set) {
        return run(set, set.board().orElseThrow());
    }
}
