package dev.jhsim.machine.timer;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.sim.Simulation;
import java.math.BigInteger;

/**
 * The system counter behind CNTPCT_EL0: ticks at a fixed frequency from
 * virtual time zero. A CPU reading it mid-slice sees its own clock (the
 * slice's start plus the cycles it has run), so a polling loop watches the
 * counter advance. Conversions are exact for any time (128-bit arithmetic
 * when 64 bits would overflow).
 */
public final class SystemCounter {
    private final Simulation sim;
    private final long frequencyHz;

    public SystemCounter(Simulation sim, long frequencyHz) {
        if (frequencyHz <= 0) {
            throw new IllegalArgumentException("counter frequency must be positive");
        }
        this.sim = sim;
        this.frequencyHz = frequencyHz;
    }

    public long frequencyHz() {
        return frequencyHz;
    }

    public Simulation simulation() {
        return sim;
    }

    /** Virtual time (ps) as {@code cpu} sees it now. */
    public long now(Arm64Cpu cpu) {
        return sim.now() + mulDiv(cpu.cyclesIntoSlice(), Simulation.PS_PER_SECOND, cpu.frequencyHz(), false);
    }

    /** The count at virtual time {@code ps}: floor(ps x f / 10^12). */
    public long ticksAt(long ps) {
        return mulDiv(ps, frequencyHz, Simulation.PS_PER_SECOND, false);
    }

    /** The first virtual time at which the count reaches {@code ticks} (unsigned), or {@link Long#MAX_VALUE} if never. */
    public long timeOf(long ticks) {
        if (ticks < 0) {
            return Long.MAX_VALUE;
        }
        return mulDiv(ticks, Simulation.PS_PER_SECOND, frequencyHz, true);
    }

    /** a x b / c for non-negative operands, rounded down or up; {@link Long#MAX_VALUE} if it does not fit. */
    static long mulDiv(long a, long b, long c, boolean roundUp) {
        if (Math.multiplyHigh(a, b) == 0 && a * b >= 0) {
            long product = a * b;
            long q = product / c;
            return roundUp && q * c != product ? q + 1 : q;
        }
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(c));
        BigInteger q = roundUp && qr[1].signum() != 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return q.bitLength() < 64 ? q.longValue() : Long.MAX_VALUE;
    }
}
