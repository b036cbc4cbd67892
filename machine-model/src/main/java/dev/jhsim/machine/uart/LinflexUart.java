package dev.jhsim.machine.uart;

import dev.jhsim.machine.device.RegisterMap;
import dev.jhsim.machine.device.RegisterMap.NarrowWrites;
import dev.jhsim.machine.irq.InterruptLine;

/**
 * NXP LINFlexD in UART mode (type {@code linflex}, S32G reference manual):
 * LINCR1 INIT/SLEEP with the mode in LINSR.LINS, UARTCR (UART mode, TXEN,
 * RXEN, buffer or FIFO mode per direction, TDFL), UARTSR flags (DTF, DRF and RMB
 * set by transfers and cleared by writing one; TFF, RFE and RFNE in FIFO
 * mode), BDRL/BDRM, LINIER data-transmitted and data-received interrupts (in
 * buffer mode), and the remaining registers as storage (baud LINIBRR/LINFBRR,
 * GCR, timeouts). Registers take byte writes, as U-Boot and Linux use them.
 * A receive buffer holds one byte (RDFL is stored, not used); bytes written
 * while the transmitter is off are not sent; LIN mode, line errors and DMA are
 * not modelled.
 */
public final class LinflexUart extends Uart {
    static final int LINCR1 = 0x00;
    static final int LINIER = 0x04;
    static final int LINSR = 0x08;
    static final int LINESR = 0x0c;
    static final int UARTCR = 0x10;
    static final int UARTSR = 0x14;
    static final int LINFBRR = 0x24;
    static final int LINIBRR = 0x28;
    static final int BDRL = 0x38;
    static final int BDRM = 0x3c;
    static final int GCR = 0x4c;
    static final int UARTPTO = 0x50;
    /** Registers this model only stores: LINTCSR, LINOCR, LINTOCR; LINCFR .. BIDR; IFER .. IFMR; UARTCTO .. DMARXE. */
    private static final int[] STORED = {0x18, 0x1c, 0x20, 0x2c, 0x30, 0x34, 0x40, 0x44, 0x48, 0x54, 0x58, 0x5c};

    static final int LINCR1_INIT = 1;
    static final int LINCR1_SLEEP = 1 << 1;
    static final int LINCR1_MME = 1 << 4;
    static final int LINCR1_BF = 1 << 7;
    static final int LINSR_LINS_SLEEP = 0x0 << 12;
    static final int LINSR_LINS_INIT = 0x1 << 12;
    static final int LINSR_LINS_IDLE = 0x2 << 12;
    static final int LINIER_DTIE = 1 << 1;
    static final int LINIER_DRIE = 1 << 2;
    static final int UARTCR_UART = 1;
    static final int UARTCR_WL0 = 1 << 1;
    static final int UARTCR_PC0 = 1 << 3;
    static final int UARTCR_TXEN = 1 << 4;
    static final int UARTCR_RXEN = 1 << 5;
    static final int UARTCR_PC1 = 1 << 6;
    static final int UARTCR_TFBM = 1 << 8;
    static final int UARTCR_RFBM = 1 << 9;
    /** DTF in buffer mode, TFF (transmit FIFO full) in FIFO mode. */
    static final int UARTSR_DTF_TFF = 1 << 1;
    /** DRF in buffer mode, RFE (receive FIFO empty) in FIFO mode. */
    static final int UARTSR_DRF_RFE = 1 << 2;
    static final int UARTSR_RFNE = 1 << 4;
    static final int UARTSR_RMB = 1 << 9;

    private static final int FIFO_DEPTH = 4;

    private final ByteFifo rxFifo = ByteFifo.bounded(FIFO_DEPTH);
    private final int[] stored = new int[STORED.length];
    private int lincr1 = LINCR1_BF | LINCR1_MME;
    private int linier;
    private int uartcr = UARTCR_PC1 | UARTCR_RXEN | UARTCR_TXEN | UARTCR_PC0 | UARTCR_WL0 | UARTCR_UART;
    /** The flags transfers set in buffer mode: DTF, DRF, RMB. */
    private int events;
    private int linibrr;
    private int linfbrr;
    private int bdrl;
    private int bdrm;
    private int gcr;
    private int uartpto = 0xfff;

    public LinflexUart(SerialPort port, InterruptLine irq) {
        super(port, irq, new RegisterMap(0x4000, NarrowWrites.MERGED));
        registers()
                .reg32(LINCR1, () -> lincr1, v -> lincr1 = (int) v & 0xffff)
                .reg32(LINIER, () -> linier, v -> linier = (int) v & 0xffff)
                .reg32(LINSR, this::linStatus)
                .reg32(LINESR, () -> 0, v -> { })
                .reg32(UARTCR, () -> uartcr, v -> uartcr = (int) v)
                .reg(UARTSR, 4, NarrowWrites.IN_PLACE, this::uartStatus, v -> events &= ~(int) v)
                .reg32(LINFBRR, () -> linfbrr, v -> linfbrr = (int) v & 0xf)
                .reg32(LINIBRR, () -> linibrr, v -> linibrr = (int) v & 0xfffff)
                .reg(BDRL, 4, NarrowWrites.IN_PLACE, () -> bdrl, v -> writeTransmitBuffer((int) v))
                .reg32(BDRM, this::readReceiveBuffer)
                .reg32(GCR, () -> gcr, v -> gcr = (int) v & 0x3f)
                .reg32(UARTPTO, () -> uartpto, v -> uartpto = (int) v & 0xfff);
        for (int i = 0; i < STORED.length; i++) {
            int index = i;
            registers().reg32(STORED[i], () -> stored[index], v -> stored[index] = (int) v);
        }
    }

    private boolean initMode() {
        return (lincr1 & LINCR1_INIT) != 0;
    }

    /** Init mode wins over sleep; neither is the normal (idle) state. */
    private int linStatus() {
        if (initMode()) {
            return LINSR_LINS_INIT;
        }
        return (lincr1 & LINCR1_SLEEP) != 0 ? LINSR_LINS_SLEEP : LINSR_LINS_IDLE;
    }

    private boolean running(int enable) {
        return (lincr1 & (LINCR1_INIT | LINCR1_SLEEP)) == 0 && (uartcr & (UARTCR_UART | enable)) == (UARTCR_UART
                | enable);
    }

    private boolean fifoMode(int direction) {
        return (uartcr & direction) != 0;
    }

    private int uartStatus() {
        int sr = events;
        if (fifoMode(UARTCR_TFBM)) {
            sr &= ~UARTSR_DTF_TFF;
        }
        if (fifoMode(UARTCR_RFBM)) {
            sr &= ~(UARTSR_DRF_RFE | UARTSR_RMB);
            sr |= rxFifo.isEmpty() ? UARTSR_DRF_RFE : UARTSR_RFNE;
        }
        return sr;
    }

    /** Buffer mode sends TDFL+1 bytes of BDRL and flags DTF; FIFO mode sends the byte written. */
    private void writeTransmitBuffer(int value) {
        bdrl = value;
        if (!running(UARTCR_TXEN)) {
            return;
        }
        if (fifoMode(UARTCR_TFBM)) {
            transmit(value);
            return;
        }
        int bytes = ((uartcr >> 13) & 0x3) + 1;
        for (int i = 0; i < bytes; i++) {
            transmit(value >> (8 * i));
        }
        events |= UARTSR_DTF_TFF;
    }

    private int readReceiveBuffer() {
        if (fifoMode(UARTCR_RFBM)) {
            return rxFifo.pop();
        }
        return bdrm;
    }

    @Override
    protected boolean acceptsInput() {
        if (!running(UARTCR_RXEN)) {
            return false;
        }
        return fifoMode(UARTCR_RFBM) ? rxFifo.size() < FIFO_DEPTH : (events & UARTSR_RMB) == 0;
    }

    /** In buffer mode the byte waits in BDRM, flagged by DRF and RMB, until software releases the buffer. */
    @Override
    protected void receive(int b) {
        if (fifoMode(UARTCR_RFBM)) {
            rxFifo.push(b);
            return;
        }
        bdrm = b;
        events |= UARTSR_DRF_RFE | UARTSR_RMB;
    }

    @Override
    protected boolean interruptAsserted() {
        int sr = uartStatus();
        return (linier & LINIER_DTIE) != 0 && !fifoMode(UARTCR_TFBM) && (sr & UARTSR_DTF_TFF) != 0
                || (linier & LINIER_DRIE) != 0 && !fifoMode(UARTCR_RFBM) && (sr & UARTSR_DRF_RFE) != 0;
    }
}
