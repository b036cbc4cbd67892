package dev.jhsim.machine.uart;

import dev.jhsim.machine.device.RegisterMap;
import dev.jhsim.machine.irq.InterruptLine;

/**
 * i.MX UART (type {@code imx}, i.MX 6/7/8 reference manuals): URXD and UTXD,
 * UCR1-4 with the UARTEN/TXEN/RXEN enables and UCR2 software reset, UFCR
 * trigger levels, the USR1 (TRDY, RRDY) and USR2 (TXFE, TXDC, RDR) status
 * flags, UTS FIFO flags, the baud registers as storage, 32-entry FIFOs, and the
 * interrupts TRDY, RRDY, TXFE, TXDC and RDR. The ageing timer, escape
 * detection, IrDA, modem lines, DMA and line errors are not modelled; register
 * accesses while UARTEN is clear work (the hardware would fault them).
 */
public final class ImxUart extends Uart {
    static final int URXD = 0x00;
    static final int UTXD = 0x40;
    static final int UCR1 = 0x80;
    static final int UCR2 = 0x84;
    static final int UCR3 = 0x88;
    static final int UCR4 = 0x8c;
    static final int UFCR = 0x90;
    static final int USR1 = 0x94;
    static final int USR2 = 0x98;
    static final int UESC = 0x9c;
    static final int UTIM = 0xa0;
    static final int UBIR = 0xa4;
    static final int UBMR = 0xa8;
    static final int UBRC = 0xac;
    static final int ONEMS = 0xb0;
    static final int UTS = 0xb4;
    static final int UMCR = 0xb8;

    static final int URXD_CHARRDY = 1 << 15;
    static final int UCR1_UARTEN = 1;
    static final int UCR1_TXMPTYEN = 1 << 6;
    static final int UCR1_RRDYEN = 1 << 9;
    static final int UCR1_TRDYEN = 1 << 13;
    static final int UCR2_SRST = 1;
    static final int UCR2_RXEN = 1 << 1;
    static final int UCR2_TXEN = 1 << 2;
    static final int UCR2_WS = 1 << 5;
    static final int UCR2_IRTS = 1 << 14;
    static final int UCR4_DREN = 1;
    static final int UCR4_TCEN = 1 << 3;
    static final int USR1_RXDS = 1 << 6;
    static final int USR1_RRDY = 1 << 9;
    static final int USR1_TRDY = 1 << 13;
    static final int USR2_RDR = 1;
    static final int USR2_TXDC = 1 << 3;
    static final int USR2_DCDIN = 1 << 5;
    static final int USR2_TXFE = 1 << 14;
    static final int UTS_RXFULL = 1 << 3;
    static final int UTS_TXFULL = 1 << 4;
    static final int UTS_RXEMPTY = 1 << 5;
    static final int UTS_TXEMPTY = 1 << 6;
    /** UTS bits that are settings rather than FIFO status. */
    private static final int UTS_SETTINGS = 0x3e01;

    private static final int FIFO_DEPTH = 32;

    private final ByteFifo rx = ByteFifo.bounded(FIFO_DEPTH);
    private final ByteFifo tx = ByteFifo.bounded(FIFO_DEPTH);
    private int ucr1 = UCR1_UARTEN;
    private int ucr2 = UCR2_IRTS | UCR2_WS | UCR2_TXEN | UCR2_RXEN | UCR2_SRST;
    private int ucr3 = 0x0704;
    private int ucr4 = 0x8000;
    private int ufcr = 0x0801;
    private int uesc = 0x2b;
    private int utim;
    private int ubir;
    private int ubmr;
    private int onems;
    private int uts;
    private int umcr;

    public ImxUart(SerialPort port, InterruptLine irq) {
        super(port, irq, new RegisterMap(0x4000, RegisterMap.NarrowWrites.IN_PLACE));
        registers()
                .reg32(URXD, this::readReceiver)
                .reg32(UTXD, () -> 0, v -> writeTransmitter((int) v & 0xff))
                .reg32(UCR1, () -> ucr1, v -> writeControl1((int) v & 0xffff))
                .reg32(UCR2, () -> ucr2, v -> writeControl2((int) v & 0xffff))
                .reg32(UCR3, () -> ucr3, v -> ucr3 = (int) v & 0xffff)
                .reg32(UCR4, () -> ucr4, v -> ucr4 = (int) v & 0xffff)
                .reg32(UFCR, () -> ufcr, v -> ufcr = (int) v & 0xffff)
                .reg32(USR1, this::status1, v -> { })
                .reg32(USR2, this::status2, v -> { })
                .reg32(UESC, () -> uesc, v -> uesc = (int) v & 0xff)
                .reg32(UTIM, () -> utim, v -> utim = (int) v & 0xfff)
                .reg32(UBIR, () -> ubir, v -> ubir = (int) v & 0xffff)
                .reg32(UBMR, () -> ubmr, v -> ubmr = (int) v & 0xffff)
                .reg32(UBRC, () -> 0x4)
                .reg32(ONEMS, () -> onems, v -> onems = (int) v & 0xffffff)
                .reg32(UTS, this::testStatus, v -> uts = (int) v & UTS_SETTINGS)
                .reg32(UMCR, () -> umcr, v -> umcr = (int) v & 0xff);
    }

    private boolean transmitterEnabled() {
        return (ucr1 & UCR1_UARTEN) != 0 && (ucr2 & UCR2_TXEN) != 0;
    }

    private int receiveTrigger() {
        return Math.max(1, ufcr & 0x3f);
    }

    private int transmitTrigger() {
        return Math.max(2, (ufcr >> 10) & 0x3f);
    }

    private int status1() {
        int usr1 = USR1_RXDS;
        usr1 |= tx.size() < transmitTrigger() ? USR1_TRDY : 0;
        usr1 |= rx.size() >= receiveTrigger() ? USR1_RRDY : 0;
        return usr1;
    }

    private int status2() {
        int usr2 = USR2_DCDIN;
        usr2 |= tx.isEmpty() ? USR2_TXFE | USR2_TXDC : 0;
        usr2 |= rx.isEmpty() ? 0 : USR2_RDR;
        return usr2;
    }

    private int testStatus() {
        int status = rx.size() == FIFO_DEPTH ? UTS_RXFULL : 0;
        status |= tx.size() == FIFO_DEPTH ? UTS_TXFULL : 0;
        status |= rx.isEmpty() ? UTS_RXEMPTY : 0;
        status |= tx.isEmpty() ? UTS_TXEMPTY : 0;
        return uts | status;
    }

    private int readReceiver() {
        return rx.isEmpty() ? 0 : URXD_CHARRDY | rx.pop();
    }

    private void writeTransmitter(int b) {
        tx.push(b);
        drainTransmitter();
    }

    private void writeControl1(int value) {
        ucr1 = value;
        drainTransmitter();
    }

    /** SRST written as zero resets the FIFOs; the reset completes at once, so SRST reads back one. */
    private void writeControl2(int value) {
        if ((value & UCR2_SRST) == 0) {
            rx.clear();
            tx.clear();
        }
        ucr2 = value | UCR2_SRST;
        drainTransmitter();
    }

    private void drainTransmitter() {
        if (transmitterEnabled()) {
            transmitAll(tx);
        }
    }

    @Override
    protected boolean acceptsInput() {
        return (ucr1 & UCR1_UARTEN) != 0 && (ucr2 & UCR2_RXEN) != 0 && rx.size() < FIFO_DEPTH;
    }

    @Override
    protected void receive(int b) {
        rx.push(b);
    }

    @Override
    protected boolean interruptAsserted() {
        int usr1 = status1();
        int usr2 = status2();
        return (ucr1 & UCR1_TRDYEN) != 0 && (usr1 & USR1_TRDY) != 0
                || (ucr1 & UCR1_RRDYEN) != 0 && (usr1 & USR1_RRDY) != 0
                || (ucr1 & UCR1_TXMPTYEN) != 0 && (usr2 & USR2_TXFE) != 0
                || (ucr4 & UCR4_DREN) != 0 && (usr2 & USR2_RDR) != 0
                || (ucr4 & UCR4_TCEN) != 0 && (usr2 & USR2_TXDC) != 0;
    }
}
