package dev.jhsim.hypervisor.session;

import dev.jhsim.config.model.Console;
import dev.jhsim.hypervisor.core.CellFailure;
import dev.jhsim.hypervisor.driver.HypervisorDriver;
import dev.jhsim.hypervisor.driver.JailhouseDriver;
import dev.jhsim.hypervisor.uart.DebugUarts;
import dev.jhsim.machine.board.BoardDescription;
import dev.jhsim.machine.board.Machine;
import dev.jhsim.machine.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A {@link BoardSession} on jhsim's machine model: the board's
 * {@link Machine}, the root cell's Linux idle on it, Jailhouse's driver, and
 * every UART's output passed to the listeners. Besides the session's
 * interface it offers the CPU failures the hypervisor reported, as data.
 */
public final class SimulatedBoard implements BoardSession {
    private final Machine machine;
    private final HypervisorDriver driver;
    private final List<UartListener> listeners = new ArrayList<>();
    private final List<CellFailure> failures = new ArrayList<>();

    SimulatedBoard(BoardDescription board) {
        machine = new Machine(board);
        machine.simulation().addProcessor(new BoardClock(board.cpus().frequencyHz()));
        RootLinux.boot(machine);
        driver = new HypervisorDriver(machine, failures::add);
        for (BoardDescription.Uart uart : board.uarts()) {
            String name = uart.name();
            machine.serial(name).connectOutput(b -> {
                for (UartListener l : listeners) {
                    l.transmitted(name, (byte) b);
                }
            });
        }
    }

    @Override
    public String boardName() {
        return machine.board().name();
    }

    @Override
    public JailhouseDriver driver() {
        return driver;
    }

    /** The machine, for tests that look at the hardware. */
    public Machine machine() {
        return machine;
    }

    /** Every CPU the hypervisor parked for a violation or an unhandled exception, in order. */
    public List<CellFailure> failures() {
        return List.copyOf(failures);
    }

    @Override
    public long now() {
        return machine.simulation().now();
    }

    @Override
    public void run(long picoseconds) {
        machine.run(picoseconds);
    }

    @Override
    public boolean runUntil(BooleanSupplier condition, long limitPicoseconds) {
        Simulation sim = machine.simulation();
        return sim.run(condition, sim.now() + limitPicoseconds) == Simulation.Outcome.CONDITION_MET
                || condition.getAsBoolean();
    }

    @Override
    public List<String> uarts() {
        return machine.board().uarts().stream().map(BoardDescription.Uart::name).toList();
    }

    @Override
    public Optional<String> debugConsoleUart() {
        return driver.debugConsole().filter(DebugUarts::hasDriver).flatMap(console -> machine.board().uarts().stream()
                .filter(uart -> uart.region().contains(console.address())).map(BoardDescription.Uart::name)
                .findFirst());
    }

    @Override
    public void addUartListener(UartListener listener) {
        listeners.add(listener);
    }

    @Override
    public void sendToUart(String uart, byte[] bytes) {
        machine.serial(uart).feedInput(bytes);
    }

    /** Output is delivered as the guests write it, so nothing is pending. */
    @Override
    public void close() {
        listeners.clear();
    }
}
