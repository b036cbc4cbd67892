package dev.jhsim.machine.uart;

import java.nio.charset.StandardCharsets;

/**
 * The outside end of a UART's serial line, owned by whoever runs the machine:
 * the guest's transmitted bytes come out at {@link #connectOutput the output},
 * and bytes {@link #feedInput fed in} wait here until the UART's receiver has
 * room for them (as with hardware flow control, nothing is lost). Use it from
 * the simulation's thread.
 */
public final class SerialPort {
    private final String name;
    private final ByteFifo input = ByteFifo.growing();
    private UartOutput output = UartOutput.DISCARD;
    private Runnable inputArrived = () -> { };

    public SerialPort(String name) {
        this.name = name;
    }

    /** The UART's name in the board description. */
    public String name() {
        return name;
    }

    /** Sends every byte the guest transmits from now on to {@code output}. */
    public void connectOutput(UartOutput output) {
        this.output = output;
    }

    /** Queues {@code bytes} for the guest to receive, in order. */
    public void feedInput(byte[] bytes) {
        for (byte b : bytes) {
            input.push(b & 0xff);
        }
        inputArrived.run();
    }

    /** Queues the UTF-8 bytes of {@code text} for the guest to receive. */
    public void feedInput(String text) {
        feedInput(text.getBytes(StandardCharsets.UTF_8));
    }

    /** How many fed bytes the UART has not taken yet. */
    public int pendingInput() {
        return input.size();
    }

    void transmit(int b) {
        output.write(b & 0xff);
    }

    boolean hasInput() {
        return !input.isEmpty();
    }

    int takeInput() {
        return input.pop();
    }

    /** The UART's hook: told when input arrives so that it can take it. */
    void onInputArrived(Runnable hook) {
        this.inputArrived = hook;
    }
}
