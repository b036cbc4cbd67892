package dev.jhsim.machine.uart;

import dev.jhsim.machine.device.RegisterMap;
import dev.jhsim.machine.irq.InterruptLine;
import dev.jhsim.machine.sim.Simulation;

/**
 * ARM PrimeCell UART (PL011), as in its technical reference manual: 16-entry
 * FIFOs as before revision r1p5 (one-entry holding registers with FEN clear),
 * FR flags, IFLS trigger levels, the RX, TX and receive-timeout interrupts
 * through IMSC/RIS/MIS/ICR on one combined wire, and the PrimeCell ID registers. The line never produces
 * parity, framing, break or overrun errors, so DR bits 11:8 and RSR read zero.
 * Modem lines, IrDA, loopback and DMA are registers only.
 */
public final class Pl011 extends Uart {
    static final int DR = 0x000;
    static final int RSR_ECR = 0x004;
    static final int FR = 0x018;
    static final int ILPR = 0x020;
    static final int IBRD = 0x024;
    static final int FBRD = 0x028;
    static final int LCR_H = 0x02c;
    static final int CR = 0x030;
    static final int IFLS = 0x034;
    static final int IMSC = 0x038;
    static final int RIS = 0x03c;
    static final int MIS = 0x040;
    static final int ICR = 0x044;
    static final int DMACR = 0x048;
    static final int PERIPH_ID0 = 0xfe0;

    static final int FR_BUSY = 1 << 3;
    static final int FR_RXFE = 1 << 4;
    static final int FR_TXFF = 1 << 5;
    static final int FR_RXFF = 1 << 6;
    static final int FR_TXFE = 1 << 7;
    static final int LCR_H_FEN = 1 << 4;
    static final int LCR_H_WLEN_8 = 3 << 5;
    static final int CR_UARTEN = 1;
    static final int CR_TXE = 1 << 8;
    static final int CR_RXE = 1 << 9;
    static final int INT_RX = 1 << 4;
    static final int INT_TX = 1 << 5;
    static final int INT_RT = 1 << 6;

    private static final int FIFO_DEPTH = 16;
    private static final int INT_ALL = 0x7ff;
    /** Peripheral ID (part 0x011, ARM, revision field 1, as QEMU's PL011 reports) and PrimeCell ID, a byte a word. */
    private static final int[] IDS = {0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1};
    /** IFLS trigger levels in eighths of the FIFO: 1/8, 1/4, 1/2, 3/4, 7/8. */
    private static final int[] TRIGGER_EIGHTHS = {1, 2, 4, 6, 7};

    private final long clockHz;
    private final ByteFifo rx = ByteFifo.bounded(FIFO_DEPTH);
    private final ByteFifo tx = ByteFifo.bounded(FIFO_DEPTH);
    private final ReceiveTimeout timeout;
    private int ilpr;
    private int ibrd;
    private int fbrd;
    private int lcrH = LCR_H_WLEN_8 | LCR_H_FEN;
    private int cr = CR_UARTEN | CR_TXE | CR_RXE;
    private int ifls = 0x12;
    private int imsc;
    private int ris;
    private int dmacr;

    public Pl011(SerialPort port, InterruptLine irq, Simulation sim, long clockHz) {
        super(port, irq, new RegisterMap(0x1000, RegisterMap.NarrowWrites.IN_PLACE));
        this.clockHz = clockHz;
        this.timeout = new ReceiveTimeout(sim, this::receiveTimedOut);
        if (clockHz > 0) {
            long divisorTimes64 = Math.round(clockHz * 4.0 / ReceiveTimeout.DEFAULT_BAUD);
            ibrd = (int) (divisorTimes64 >> 6);
            fbrd = (int) (divisorTimes64 & 0x3f);
        }
        registers()
                .reg32(DR, this::readData, v -> writeData((int) v & 0xff))
                .reg32(RSR_ECR, () -> 0, v -> { })
                .reg32(FR, this::flags)
                .reg32(ILPR, () -> ilpr, v -> ilpr = (int) v & 0xff)
                .reg32(IBRD, () -> ibrd, v -> ibrd = (int) v & 0xffff)
                .reg32(FBRD, () -> fbrd, v -> fbrd = (int) v & 0x3f)
                .reg32(LCR_H, () -> lcrH, v -> writeLineControl((int) v & 0xff))
                .reg32(CR, () -> cr, v -> writeControl((int) v & 0xffff))
                .reg32(IFLS, () -> ifls, v -> ifls = (int) v & 0x3f)
                .reg32(IMSC, () -> imsc, v -> imsc = (int) v & INT_ALL)
                .reg32(RIS, () -> ris)
                .reg32(MIS, () -> ris & imsc)
                .reg32(ICR, () -> 0, v -> ris &= ~(int) v)
                .reg32(DMACR, () -> dmacr, v -> dmacr = (int) v & 0x7)
                .array32(PERIPH_ID0, IDS.length, i -> IDS[i], (i, v) -> { });
    }

    private int depth() {
        return (lcrH & LCR_H_FEN) != 0 ? FIFO_DEPTH : 1;
    }

    private boolean transmitterEnabled() {
        return (cr & (CR_UARTEN | CR_TXE)) == (CR_UARTEN | CR_TXE);
    }

    private int flags() {
        int fr = 0;
        fr |= rx.isEmpty() ? FR_RXFE : 0;
        fr |= rx.size() >= depth() ? FR_RXFF : 0;
        fr |= tx.isEmpty() ? FR_TXFE : FR_BUSY;
        fr |= tx.size() >= depth() ? FR_TXFF : 0;
        return fr;
    }

    private long readData() {
        int value = rx.pop();
        if (rx.size() < rxTriggerLevel()) {
            ris &= ~INT_RX;
        }
        if (rx.isEmpty()) {
            ris &= ~INT_RT;
            timeout.cancel();
        }
        return value;
    }

    private void writeData(int b) {
        if (tx.size() < depth()) {
            tx.push(b);
        }
        if (tx.size() > txTriggerLevel()) {
            ris &= ~INT_TX;
        }
        drainTransmitter();
    }

    /** Sends what the FIFO holds; draining through the trigger level raises the TX interrupt. */
    private void drainTransmitter() {
        if (transmitterEnabled() && transmitAll(tx)) {
            ris |= INT_TX;
        }
    }

    private void writeLineControl(int value) {
        if (((lcrH ^ value) & LCR_H_FEN) != 0) {
            rx.clear();
            timeout.cancel();
            ris &= ~(INT_RX | INT_RT);
        }
        lcrH = value;
    }

    private void writeControl(int value) {
        cr = value;
        drainTransmitter();
    }

    /** The RX interrupt is raised at this level; with the FIFO off, by one character. */
    private int rxTriggerLevel() {
        return (lcrH & LCR_H_FEN) != 0 ? fifoLevel(ifls >> 3) : 1;
    }

    /** The TX interrupt is raised when the FIFO drains to this level; with the FIFO off, when it empties. */
    private int txTriggerLevel() {
        return (lcrH & LCR_H_FEN) != 0 ? fifoLevel(ifls) : 0;
    }

    private static int fifoLevel(int select) {
        return FIFO_DEPTH * TRIGGER_EIGHTHS[Math.min(select & 7, 4)] / 8;
    }

    @Override
    protected boolean acceptsInput() {
        return (cr & (CR_UARTEN | CR_RXE)) == (CR_UARTEN | CR_RXE) && rx.size() < depth();
    }

    @Override
    protected void receive(int b) {
        rx.push(b);
        if (rx.size() >= rxTriggerLevel()) {
            ris |= INT_RX;
        }
        // 32 bit periods at 16 reference clocks per bit times the IBRD.FBRD divisor.
        timeout.restart(32, ReceiveTimeout.bitPeriodPs(16 * (ibrd + fbrd / 64.0), clockHz));
    }

    private void receiveTimedOut() {
        if (!rx.isEmpty()) {
            ris |= INT_RT;
        }
        update();
    }

    @Override
    protected boolean interruptAsserted() {
        return (ris & imsc) != 0;
    }
}
