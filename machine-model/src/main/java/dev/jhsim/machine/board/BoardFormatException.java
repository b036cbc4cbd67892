package dev.jhsim.machine.board;

/** A board description that cannot be read: JSON path (or line/column) and what is wrong, in one line. */
public final class BoardFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public BoardFormatException(String location, String problem) {
        super(location.isEmpty() ? problem : location + ": " + problem);
    }
}
