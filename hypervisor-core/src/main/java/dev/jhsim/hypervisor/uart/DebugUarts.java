package dev.jhsim.hypervisor.uart;

import dev.jhsim.config.model.Console;
import dev.jhsim.hypervisor.core.HypervisorConsole;
import dev.jhsim.hypervisor.core.PhysicalMemory;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The hypervisor's debug UART drivers, by console type, as upstream's
 * {@code arch_dbg_write_init} picks them. A console that is not MMIO, or of
 * a type without a driver here, gets no output (upstream prints nothing on
 * it either).
 */
public final class DebugUarts {
    private static final Map<Integer, BiFunction<PhysicalMemory, Console, HypervisorConsole.Output>> DRIVERS =
            Map.of(Console.TYPE_PL011, Pl011Output::start, Console.TYPE_8250, Uart8250Output::start);

    private DebugUarts() {
    }

    /** Whether a debug console of this type prints anything. */
    public static boolean hasDriver(Console console) {
        return console.isMmio() && DRIVERS.containsKey(console.type());
    }

    /**
     * Initialises the UART as its driver does and returns the character
     * output, which sends CR before LF ({@code uart_write}).
     */
    public static HypervisorConsole.Output start(PhysicalMemory memory, Console console) {
        if (!hasDriver(console)) {
            return HypervisorConsole.Output.NONE;
        }
        HypervisorConsole.Output uart = DRIVERS.get(console.type()).apply(memory, console);
        return c -> {
            if (c == '\n') {
                uart.write('\r');
            }
            uart.write(c);
        };
    }
}
