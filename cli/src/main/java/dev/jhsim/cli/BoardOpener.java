package dev.jhsim.cli;

import dev.jhsim.boards.Boards;
import dev.jhsim.hypervisor.session.BoardSession;
import dev.jhsim.hypervisor.session.BoardSessions;
import dev.jhsim.machine.board.BoardDescriptionReader;
import dev.jhsim.machine.board.BoardFormatException;

/**
 * Opens the simulated boards that the board daemon, the scenario runner and
 * the demo drive.
 */
public final class BoardOpener {
    /**
     * A system property naming an {@link Opener} class to use instead of the
     * hypervisor core, so that the daemon's mechanics can be tested with a
     * small fake board in the daemon processes the tests start.
     */
    public static final String OPENER_PROPERTY = "jhsim.session-opener";

    private BoardOpener() {
    }

    /** Opens a session on a bundled board. */
    @FunctionalInterface
    public interface Opener {
        BoardSession open(String board);
    }

    /** Opens {@code board}, one line naming the bundled boards if there is no such board. */
    public static BoardSession open(String board) {
        if (!Boards.names().contains(board)) {
            throw new UserError("jailhouse: unknown board '" + board + "', expected one of "
                    + String.join(", ", Boards.names()));
        }
        return opener().open(board);
    }

    /** The real thing: the board's machine with Jailhouse's driver on it. */
    private static BoardSession openWithHypervisor(String board) {
        String json = Boards.description(board).orElseThrow();
        try {
            return BoardSessions.open(BoardDescriptionReader.parse(json));
        } catch (BoardFormatException e) {
            throw new UserError("jailhouse: board " + board + ": bundled description is invalid: " + e.getMessage());
        }
    }

    private static Opener opener() {
        String replacement = System.getProperty(OPENER_PROPERTY);
        if (replacement == null) {
            return BoardOpener::openWithHypervisor;
        }
        try {
            return (Opener) Class.forName(replacement).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new UserError("jailhouse: " + OPENER_PROPERTY + "=" + replacement + " is not a usable "
                    + Opener.class.getName() + " (" + e + ")");
        }
    }
}
