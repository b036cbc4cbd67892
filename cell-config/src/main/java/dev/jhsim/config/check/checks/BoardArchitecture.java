package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.BoardFacts;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import java.util.List;

/** A configuration for another architecture than the board's. */
final class BoardArchitecture extends BoardCheck {
    BoardArchitecture() {
        super("board-architecture", "Architecture against the board");
    }

    @Override
    public boolean appliesTo(ConfigSet set) {
        return set.board().isPresent();
    }

    /** Whether the set's architecture is the board's (revisions 12 and 13 only say "ARM"). */
    static boolean fits(ConfigSet set, BoardFacts board) {
        return set.architecture().equals(board.architecture())
                || set.architecture().equals("arm/arm64") && board.architecture().startsWith("arm");
    }

    @Override
    List<Finding> run(ConfigSet set, BoardFacts board) {
        if (fits(set, board)) {
            return List.of();
        }
        return List.of(set.root().finding(Element.PLATFORM_INFO, "the configuration is for "
                + set.architecture() + ", board " + board.name() + " is " + board.architecture(),
                "check the configuration against a board of its architecture"));
    }
}
