package dev.jhsim.machine.baremetal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.machine.board.Machine;
import dev.jhsim.machine.sim.Simulation;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The first "done when": ticks.bin, loaded at 0x40080000 on
 * qemu-arm64 (and on the GICv2 variant), turns its MMU on, programs the GIC
 * and the virtual timer and prints ten timer interrupts on the PL011 - the
 * whole output equal to the golden file on every run, each interrupt taken
 * within a few counter ticks of the deadline it programmed, and the CPU
 * asleep in between.
 */
class TimerTicksTest {
    static final Pattern TICK = Pattern.compile("tick (\\d+): interrupt 27 at CNTVCT (\\d+), (\\d+) ticks after the deadline");

    @ParameterizedTest
    @ValueSource(strings = {BareMetal.GICV3, BareMetal.GICV2})
    void tenTimerInterruptsAtTheirProgrammedTimes(String board) throws IOException {
        Machine machine = BareMetal.machine(board);
        assertEquals(0x4008_0000L, machine.board().loader().address());
        String output = BareMetal.run(machine, "ticks", 10 * Simulation.PS_PER_SECOND);
        String golden = BareMetal.resource(board.equals(BareMetal.GICV2) ? "ticks-gicv2.out" : "ticks.out");
        assertEquals(golden, output);
        assertEquals(output, BareMetal.run(BareMetal.machine(board), "ticks", 10 * Simulation.PS_PER_SECOND));

        List<Matcher> ticks = output.lines().map(TICK::matcher).filter(Matcher::matches).toList();
        assertEquals(10, ticks.size(), output);
        long period = 62_500_000 / 100;
        long firstDeadline = Long.parseLong(ticks.get(0).group(2)) - Long.parseLong(ticks.get(0).group(3));
        for (int i = 0; i < ticks.size(); i++) {
            Matcher m = ticks.get(i);
            assertEquals(i + 1, Integer.parseInt(m.group(1)));
            long late = Long.parseLong(m.group(3));
            assertEquals(firstDeadline + i * period, Long.parseLong(m.group(2)) - late, "deadlines 10 ms apart");
            assertTrue(late < 4, "tick " + (i + 1) + " taken " + late + " counter ticks (16 ns each) late");
        }
        long virtualMs = machine.simulation().now() / 1_000_000_000L;
        assertTrue(virtualMs >= 100 && virtualMs < 110, virtualMs + " ms of virtual time");
        assertTrue(machine.cpu(0).retired() < 1_000_000,
                machine.cpu(0).retired() + " instructions in 100 ms at 1 GHz: the waits ran none");
    }
}
