package dev.jhsim.hypervisor.session;

import dev.jhsim.machine.board.BoardDescription;

/** Opens simulated boards with Jailhouse's driver on them. */
public final class BoardSessions {
    private BoardSessions() {
    }

    /**
     * A board built from {@code board}, powered on with the root cell's
     * Linux idle and the hypervisor not yet enabled.
     */
    public static SimulatedBoard open(BoardDescription board) {
        return new SimulatedBoard(board);
    }
}
