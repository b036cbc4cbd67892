package dev.jhsim.machine.uart;

import dev.jhsim.machine.device.RegisterMap;
import dev.jhsim.machine.irq.InterruptLine;
import dev.jhsim.machine.sim.Simulation;

/**
 * Cadence UART (type {@code xuartps}, Zynq and Zynq UltraScale+, UG1085): CR
 * enables and FIFO resets, MR, the IER/IDR/IMR mask, ISR events (set when a
 * condition becomes true, cleared by writing one), BAUDGEN/BAUDDIV, the RXTOUT
 * receive timeout in virtual time, RXWM/TXWM trigger levels, SR and 64-entry
 * FIFOs. Channel modes other than normal (echo, loopback), modem and flow
 * control lines, break and line errors are not modelled.
 */
public final class CadenceUart extends Uart {
    static final int CR = 0x00;
    static final int MR = 0x04;
    static final int IER = 0x08;
    static final int IDR = 0x0c;
    static final int IMR = 0x10;
    static final int ISR = 0x14;
    static final int BAUDGEN = 0x18;
    static final int RXTOUT = 0x1c;
    static final int RXWM = 0x20;
    static final int MODEMCR = 0x24;
    static final int MODEMSR = 0x28;
    static final int SR = 0x2c;
    static final int FIFO = 0x30;
    static final int BAUDDIV = 0x34;
    static final int FLOWDEL = 0x38;
    static final int TXWM = 0x44;

    static final int CR_RXRST = 1;
    static final int CR_TXRST = 1 << 1;
    static final int CR_RX_EN = 1 << 2;
    static final int CR_RX_DIS = 1 << 3;
    static final int CR_TX_EN = 1 << 4;
    static final int CR_TX_DIS = 1 << 5;
    static final int CR_RSTTO = 1 << 6;
    static final int CR_STPBRK = 1 << 8;
    static final int MR_CLKS_DIV8 = 1;
    static final int MR_NO_PARITY = 0x20;
    static final int SR_RXTRIG = 1;
    static final int SR_RXEMPTY = 1 << 1;
    static final int SR_RXFULL = 1 << 2;
    static final int SR_TXEMPTY = 1 << 3;
    static final int SR_TXFULL = 1 << 4;
    static final int SR_TTRIG = 1 << 13;
    static final int SR_TNFUL = 1 << 14;
    /** ISR/IMR bits: RTRIG, REMPTY, RFUL, TEMPTY and TFUL share their SR positions; TTRIG and TNFUL sit lower. */
    static final int INT_RTRIG = 1;
    static final int INT_TEMPTY = 1 << 3;
    static final int INT_TIMEOUT = 1 << 8;
    static final int INT_TTRIG = 1 << 10;
    static final int INT_TNFUL = 1 << 11;
    static final int INT_TOVR = 1 << 12;

    private static final int FIFO_DEPTH = 64;
    private static final int INT_ALL = 0x3fff;

    private final long clockHz;
    private final ByteFifo rx = ByteFifo.bounded(FIFO_DEPTH);
    private final ByteFifo tx = ByteFifo.bounded(FIFO_DEPTH);
    private final ReceiveTimeout timeout;
    private int cr = CR_STPBRK | CR_TX_EN | CR_RX_EN;
    private int mr = MR_NO_PARITY;
    private int imr;
    private int isr;
    private int baudgen = 0x28b;
    private int rxtout;
    private int rxwm = 0x20;
    private int modemcr;
    private int bauddiv = 0xf;
    private int flowdel;
    private int txwm = 0x20;
    /** Event conditions at the last update, to latch only their rising edges into ISR. */
    private int conditions;

    public CadenceUart(SerialPort port, InterruptLine irq, Simulation sim, long clockHz) {
        super(port, irq, new RegisterMap(0x1000, RegisterMap.NarrowWrites.IN_PLACE));
        this.clockHz = clockHz;
        this.timeout = new ReceiveTimeout(sim, this::receiveTimedOut);
        conditions = currentConditions();
        registers()
                .reg32(CR, () -> cr, v -> writeControl((int) v & 0x1ff))
                .reg32(MR, () -> mr, v -> mr = (int) v & 0x3ff)
                .reg32(IER, () -> 0, v -> imr |= (int) v & INT_ALL)
                .reg32(IDR, () -> 0, v -> imr &= ~(int) v)
                .reg32(IMR, () -> imr)
                .reg32(ISR, () -> isr, v -> isr &= ~(int) v)
                .reg32(BAUDGEN, () -> baudgen, v -> baudgen = (int) v & 0xffff)
                .reg32(RXTOUT, () -> rxtout, v -> rxtout = (int) v & 0xff)
                .reg32(RXWM, () -> rxwm, v -> rxwm = (int) v & 0x3f)
                .reg32(MODEMCR, () -> modemcr, v -> modemcr = (int) v & 0x23)
                .reg32(MODEMSR, () -> 0)
                .reg32(SR, this::status)
                .reg32(FIFO, this::readFifo, v -> writeFifo((int) v & 0xff))
                .reg32(BAUDDIV, () -> bauddiv, v -> bauddiv = (int) v & 0xff)
                .reg32(FLOWDEL, () -> flowdel, v -> flowdel = (int) v & 0x3f)
                .reg32(TXWM, () -> txwm, v -> txwm = (int) v & 0x3f);
    }

    private boolean transmitterEnabled() {
        return (cr & (CR_TX_EN | CR_TX_DIS)) == CR_TX_EN;
    }

    private int status() {
        int sr = rxwm > 0 && rx.size() >= rxwm ? SR_RXTRIG : 0;
        sr |= rx.isEmpty() ? SR_RXEMPTY : 0;
        sr |= rx.size() == FIFO_DEPTH ? SR_RXFULL : 0;
        sr |= tx.isEmpty() ? SR_TXEMPTY : 0;
        sr |= tx.size() == FIFO_DEPTH ? SR_TXFULL : 0;
        sr |= txwm > 0 && tx.size() >= txwm ? SR_TTRIG : 0;
        sr |= tx.size() >= FIFO_DEPTH - 1 ? SR_TNFUL : 0;
        return sr;
    }

    /** The SR conditions that have ISR events, moved to their ISR positions. */
    private int currentConditions() {
        int sr = status();
        return (sr & (SR_RXTRIG | SR_RXEMPTY | SR_RXFULL | SR_TXEMPTY | SR_TXFULL))
                | ((sr & SR_TTRIG) != 0 ? INT_TTRIG : 0)
                | ((sr & SR_TNFUL) != 0 ? INT_TNFUL : 0);
    }

    private void writeControl(int value) {
        if ((value & CR_RXRST) != 0) {
            rx.clear();
            timeout.cancel();
        }
        if ((value & CR_TXRST) != 0) {
            tx.clear();
        }
        if ((value & CR_RSTTO) != 0 && !rx.isEmpty()) {
            restartTimeout();
        }
        // Reset and restart bits clear themselves.
        cr = value & ~(CR_RXRST | CR_TXRST | CR_RSTTO);
        drainTransmitter();
    }

    private int readFifo() {
        int value = rx.pop();
        if (rx.isEmpty()) {
            timeout.cancel();
        }
        return value;
    }

    private void writeFifo(int b) {
        if (!tx.push(b)) {
            isr |= INT_TOVR;
        }
        drainTransmitter();
    }

    /** Sends what the FIFO holds; its becoming empty is a TEMPTY event even though nobody saw it full. */
    private void drainTransmitter() {
        if (transmitterEnabled() && transmitAll(tx)) {
            isr |= INT_TEMPTY;
        }
    }

    @Override
    protected boolean acceptsInput() {
        return (cr & (CR_RX_EN | CR_RX_DIS)) == CR_RX_EN && rx.size() < FIFO_DEPTH;
    }

    @Override
    protected void receive(int b) {
        rx.push(b);
        restartTimeout();
    }

    /** RXTOUT counts in units of four bit periods; zero disables the timeout. */
    private void restartTimeout() {
        if (rxtout == 0) {
            timeout.cancel();
            return;
        }
        double clocksPerBit = baudgen * (bauddiv + 1.0) * ((mr & MR_CLKS_DIV8) != 0 ? 8 : 1);
        timeout.restart(4L * rxtout, ReceiveTimeout.bitPeriodPs(clocksPerBit, clockHz));
    }

    private void receiveTimedOut() {
        if (!rx.isEmpty()) {
            isr |= INT_TIMEOUT;
        }
        update();
    }

    @Override
    protected boolean interruptAsserted() {
        int now = currentConditions();
        isr |= now & ~conditions;
        conditions = now;
        return (isr & imr) != 0;
    }
}
