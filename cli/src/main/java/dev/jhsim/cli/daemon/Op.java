package dev.jhsim.cli.daemon;

/** The requests of the board protocol: the driver's calls, then the board's own. */
enum Op {
    ENABLE, DISABLE, CELL_CREATE, CELL_LOAD, CELL_START, CELL_DESTROY, ENABLED, CELLS, STATISTICS, CONSOLE,
    /** A UART's recorded output from a position on. */
    UART,
    STATUS,
    STOP
}
