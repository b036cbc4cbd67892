package dev.jhsim.cli;

import dev.jhsim.hypervisor.driver.JailhouseDriver;
import dev.jhsim.hypervisor.session.BoardSession;

/** A board simulated in this process (scenario runner, demo): time only passes when the caller runs it. */
record SessionBoardAccess(BoardSession session) implements BoardAccess {
    @Override
    public JailhouseDriver driver() {
        return session.driver();
    }

    @Override
    public boolean runsOnItsOwn() {
        return false;
    }

    @Override
    public void close() {
        // The session belongs to whoever opened it.
    }
}
