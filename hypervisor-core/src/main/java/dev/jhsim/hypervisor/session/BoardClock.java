package dev.jhsim.hypervisor.session;

import dev.jhsim.machine.sim.Processor;

/**
 * The root cell's Linux as the simulation kernel sees it: it runs no code
 * in jhsim, so it is always waiting. Being neither running nor halted, it
 * keeps virtual time passing (timers fire, UARTs time out) when every CPU
 * of the board is parked or idle.
 */
final class BoardClock implements Processor {
    private final long frequencyHz;

    BoardClock(long frequencyHz) {
        this.frequencyHz = frequencyHz;
    }

    @Override
    public long frequencyHz() {
        return frequencyHz;
    }

    @Override
    public State state() {
        return State.WAITING;
    }

    @Override
    public long run(long cycles) {
        return cycles;
    }
}
