package dev.jhsim.machine.uart;

import dev.jhsim.machine.device.RegisterMap;
import dev.jhsim.machine.irq.InterruptLine;
import dev.jhsim.machine.sim.Simulation;

/**
 * 8250/16550-compatible UART (type {@code 8250}), as in the 16550 datasheet:
 * eight registers {@code 1 << regShift} bytes apart, each {@code min(4, 1 <<
 * regShift)} bytes wide and accessible by byte or whole (regShift 2 with 32-bit
 * access is the DesignWare APB UART of RK3588 and others). RBR/THR and IER turn
 * into the divisor latch with LCR.DLAB; a 16-entry receive FIFO with FCR
 * trigger levels; interrupts by priority in IIR: received data, character
 * timeout (four character times of virtual time), THR empty. The line never
 * produces errors or modem-status changes (MSR reports CTS, DSR and DCD
 * asserted); loopback and the DesignWare extra registers are not modelled.
 */
public final class Ns16550 extends Uart {
    static final int RBR_THR_DLL = 0;
    static final int IER_DLM = 1;
    static final int IIR_FCR = 2;
    static final int LCR = 3;
    static final int MCR = 4;
    static final int LSR = 5;
    static final int MSR = 6;
    static final int SCR = 7;

    static final int IER_RDI = 1;
    static final int IER_THRI = 1 << 1;
    static final int IIR_NONE = 0x1;
    static final int IIR_THRI = 0x2;
    static final int IIR_RDI = 0x4;
    static final int IIR_TIMEOUT = 0xc;
    static final int IIR_FIFOS_ON = 0xc0;
    static final int FCR_ENABLE = 1;
    static final int FCR_CLEAR_RX = 1 << 1;
    static final int LCR_DLAB = 0x80;
    static final int LCR_8N1 = 0x03;
    static final int LSR_DR = 1;
    static final int LSR_THRE = 1 << 5;
    static final int LSR_TEMT = 1 << 6;
    static final int MSR_CTS_DSR_DCD = 0xb0;

    private static final int FIFO_DEPTH = 16;
    private static final int[] RX_TRIGGERS = {1, 4, 8, 14};

    private final long clockHz;
    private final ByteFifo rx = ByteFifo.bounded(FIFO_DEPTH);
    private final ReceiveTimeout timeout;
    private int divisor;
    private int ier;
    private int fcr = FCR_ENABLE;
    private int lcr = LCR_8N1;
    private int mcr = 0x03;
    private int scr;
    /** THR emptied (or its interrupt got enabled) since IIR last reported it. */
    private boolean threPending;
    private boolean timeoutPending;

    public Ns16550(SerialPort port, InterruptLine irq, Simulation sim, long clockHz, int regShift) {
        super(port, irq, new RegisterMap(Math.max(4, 8L << checkShift(regShift)), RegisterMap.NarrowWrites.IN_PLACE));
        this.clockHz = clockHz;
        this.timeout = new ReceiveTimeout(sim, this::receiveTimedOut);
        if (clockHz > 0) {
            divisor = (int) Math.round(clockHz / (16.0 * ReceiveTimeout.DEFAULT_BAUD));
        }
        int width = Math.min(4, 1 << regShift);
        for (int i = RBR_THR_DLL; i <= SCR; i++) {
            int index = i;
            registers().reg((long) i << regShift, width, RegisterMap.NarrowWrites.IN_PLACE,
                    () -> readRegister(index), v -> writeRegister(index, (int) v & 0xff));
        }
    }

    private static int checkShift(int regShift) {
        if (regShift < 0 || regShift > 3) {
            throw new IllegalArgumentException("8250 reg_shift must be 0..3, not " + regShift);
        }
        return regShift;
    }

    private boolean dlab() {
        return (lcr & LCR_DLAB) != 0;
    }

    private boolean fifosOn() {
        return (fcr & FCR_ENABLE) != 0;
    }

    private long readRegister(int index) {
        return switch (index) {
            case RBR_THR_DLL -> dlab() ? divisor & 0xff : readReceiveBuffer();
            case IER_DLM -> dlab() ? divisor >> 8 : ier;
            case IIR_FCR -> readInterruptId();
            case LCR -> lcr;
            case MCR -> mcr;
            case LSR -> (rx.isEmpty() ? 0 : LSR_DR) | LSR_THRE | LSR_TEMT;
            case MSR -> MSR_CTS_DSR_DCD;
            default -> scr;
        };
    }

    private void writeRegister(int index, int value) {
        switch (index) {
            case RBR_THR_DLL -> {
                if (dlab()) {
                    divisor = (divisor & 0xff00) | value;
                } else {
                    transmit(value);
                    threPending = true;
                }
            }
            case IER_DLM -> {
                if (dlab()) {
                    divisor = (divisor & 0xff) | value << 8;
                } else {
                    writeInterruptEnable(value);
                }
            }
            case IIR_FCR -> writeFifoControl(value);
            case LCR -> lcr = value;
            case MCR -> mcr = value & 0x1f;
            case SCR -> scr = value;
            default -> { }
        }
    }

    private void writeInterruptEnable(int value) {
        // The transmitter is always empty, so enabling its interrupt raises it at once.
        if ((value & IER_THRI) != 0 && (ier & IER_THRI) == 0) {
            threPending = true;
        }
        ier = value & 0x0f;
    }

    private void writeFifoControl(int value) {
        int next = (value & FCR_ENABLE) != 0 ? value & 0xc9 : 0;
        if ((value & FCR_CLEAR_RX) != 0 || ((next ^ fcr) & FCR_ENABLE) != 0) {
            rx.clear();
            timeout.cancel();
            timeoutPending = false;
        }
        fcr = next;
    }

    private int readReceiveBuffer() {
        int value = rx.pop();
        timeoutPending = false;
        if (rx.isEmpty() || !fifosOn()) {
            timeout.cancel();
        } else {
            restartTimeout();
        }
        return value;
    }

    private int readInterruptId() {
        int id = pendingInterrupt();
        if (id == IIR_THRI) {
            threPending = false;
        }
        return id | (fifosOn() ? IIR_FIFOS_ON : 0);
    }

    /** The highest-priority pending interrupt as IIR encodes it. */
    private int pendingInterrupt() {
        if ((ier & IER_RDI) != 0 && rx.size() >= (fifosOn() ? RX_TRIGGERS[fcr >> 6] : 1)) {
            return IIR_RDI;
        }
        if ((ier & IER_RDI) != 0 && timeoutPending) {
            return IIR_TIMEOUT;
        }
        if ((ier & IER_THRI) != 0 && threPending) {
            return IIR_THRI;
        }
        return IIR_NONE;
    }

    @Override
    protected boolean interruptAsserted() {
        return pendingInterrupt() != IIR_NONE;
    }

    @Override
    protected boolean acceptsInput() {
        return rx.size() < (fifosOn() ? FIFO_DEPTH : 1);
    }

    @Override
    protected void receive(int b) {
        rx.push(b);
        if (fifosOn()) {
            restartTimeout();
        }
    }

    /** Four character times: start bit, 5..8 data bits, parity, one or two stop bits. */
    private void restartTimeout() {
        int bitsPerChar = 1 + 5 + (lcr & 3) + ((lcr & 0x08) != 0 ? 1 : 0) + ((lcr & 0x04) != 0 ? 2 : 1);
        timeout.restart(4L * bitsPerChar, ReceiveTimeout.bitPeriodPs(16.0 * divisor, clockHz));
    }

    private void receiveTimedOut() {
        if (!rx.isEmpty()) {
            timeoutPending = true;
        }
        update();
    }
}
