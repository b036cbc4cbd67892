package dev.jhsim.hypervisor.core;

import dev.jhsim.hypervisor.driver.Errno;
import dev.jhsim.machine.sim.Simulation;

/**
 * Messages to cells through their communication regions
 * ({@code cell_exchange_message}): a shutdown request, which the cell
 * approves or denies, and the notice that a reconfiguration completed,
 * which it acknowledges. Cells with a passive communication region are not
 * asked. While the hypervisor waits for the reply, the simulation runs:
 * the cell needs time to answer.
 *
 * <p>{@code msg_reply_timeout} counts the idle loops upstream's hypervisor
 * spins; here one loop is one cycle of the CPU that waits. When the timeout
 * expires, the cell is considered failed, its CPUs stop, and the request
 * counts as approved. A timeout of 0 means "wait forever", which a
 * simulation cannot do: after {@link #NO_TIMEOUT_LIMIT_PS} of virtual time
 * without an answer, a request fails with EINTR (the error a user who
 * interrupts the hanging command would see) and a notice is given up.
 */
final class Messages {
    /** How long a cell without a configured timeout may take to answer. */
    static final long NO_TIMEOUT_LIMIT_PS = 10 * Simulation.PS_PER_SECOND;

    private enum Answer { YES, NO, NONE }

    private final Jailhouse hv;

    Messages(Jailhouse hv) {
        this.hv = hv;
    }

    /** Asks {@code cell} whether it may be shut down; true if it agrees, fails or has stopped. */
    boolean shutdownOk(Cell cell) {
        Answer answer = exchange(cell, CommRegion.MSG_SHUTDOWN_REQUEST, true);
        if (answer == Answer.NONE) {
            throw HypervisorError.of(Errno.EINTR, "cell \"%s\" did not answer the shutdown request within %d s of"
                    + " virtual time (it has no msg_reply_timeout; upstream would wait forever)", cell.name(),
                    NO_TIMEOUT_LIMIT_PS / Simulation.PS_PER_SECOND);
        }
        return answer == Answer.YES;
    }

    /** Tells every other cell that the configuration changed ({@code cell_reconfig_completed}). */
    void reconfigCompleted() {
        for (Cell cell : hv.cells()) {
            if (cell != hv.root()) {
                exchange(cell, CommRegion.MSG_RECONFIG_COMPLETED, false);
            }
        }
    }

    private Answer exchange(Cell cell, int message, boolean request) {
        if (cell.config().has(dev.jhsim.config.model.Cell.PASSIVE_COMMREG)) {
            return Answer.YES;
        }
        CommRegion comm = cell.comm();
        comm.sendMessage(message);
        long timeout = cell.config().msgReplyTimeout();
        Simulation sim = hv.simulation();
        long cyclePs = Simulation.PS_PER_SECOND / hv.machine().board().cpus().frequencyHz();
        long limit = sim.now() + (timeout > 0 ? timeout * cyclePs : NO_TIMEOUT_LIMIT_PS);
        sim.run(() -> answer(comm, request) != Answer.NONE, limit);
        Answer answer = answer(comm, request);
        if (answer != Answer.NONE || timeout == 0) {
            return answer;
        }
        hv.console().print("Timeout expired while waiting for reply from target cell\n");
        for (int cpu = cell.firstCpu(); cpu >= 0; cpu = cell.cpus().nextSetBit(cpu + 1)) {
            hv.cpu(cpu).guest().cpu().halt("suspended: its cell did not answer in time");
        }
        comm.setCellState(CommRegion.FAILED);
        return Answer.YES;
    }

    /** Any reply but the expected one (denied, unknown message) is a no. */
    private static Answer answer(CommRegion comm, boolean request) {
        int state = comm.cellState();
        if (state == CommRegion.SHUT_DOWN || state == CommRegion.FAILED) {
            return Answer.YES;
        }
        int reply = comm.reply();
        if (request ? reply == CommRegion.REPLY_REQUEST_APPROVED : reply == CommRegion.REPLY_RECEIVED) {
            return Answer.YES;
        }
        return reply == CommRegion.MSG_NONE ? Answer.NONE : Answer.NO;
    }
}
