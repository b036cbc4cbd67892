package dev.jhsim.cli.daemon;

import dev.jhsim.cli.BoardAccess;
import dev.jhsim.hypervisor.driver.JailhouseDriver;
import java.util.Map;

/**
 * The command line's access to a board: the daemon {@code JAILHOUSE_BOARD}
 * selects, connected on first use (so that a command reads its files, and
 * reports a missing one, before it looks for a board, as upstream's tool
 * reads them before opening {@code /dev/jailhouse}).
 */
public final class DaemonBoardAccess implements BoardAccess {
    private final Map<String, String> environment;
    private DaemonConnection connection;

    public DaemonBoardAccess(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public JailhouseDriver driver() {
        if (connection == null) {
            connection = DaemonConnection.open(RunningBoards.select(environment));
        }
        return connection.driver();
    }

    @Override
    public boolean runsOnItsOwn() {
        return true;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
