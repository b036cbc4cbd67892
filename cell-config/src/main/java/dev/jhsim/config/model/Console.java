package dev.jhsim.config.model;

import static dev.jhsim.config.model.Ranges.u16;
import static dev.jhsim.config.model.Ranges.u32;

/** {@code struct jailhouse_console}: a debug or cell console device. */
public record Console(long address, long size, int type, int flags, long divider, long gateNr, long clockReg) {
    public static final int TYPE_NONE = 0x0;
    public static final int TYPE_EFIFB = 0x1;
    public static final int TYPE_8250 = 0x2;
    public static final int TYPE_PL011 = 0x3;

    public static final int ACCESS_MMIO = 0x0001;
    public static final int REGDIST_4 = 0x0002;

    public static final Console NONE = new Console(0, 0, 0, 0, 0, 0, 0);

    public static final Symbols TYPES = Symbols.values()
            .with("NONE", 0x0).with("EFIFB", 0x1).with("8250", 0x2).with("PL011", 0x3)
            .with("XUARTPS", 0x4).with("MVEBU", 0x5).with("HSCIF", 0x6).with("SCIFA", 0x7)
            .with("IMX", 0x8).with("IMX_LPUART", 0x9).with("SCIF", 0xa).with("LINFLEX", 0xb);

    public static final Symbols FLAGS = Symbols.flags()
            .with("ACCESS_MMIO", ACCESS_MMIO).with("REGDIST_4", REGDIST_4).with("FB_1920x1080", 0x0004)
            .with("INVERTED_GATE", 0x1000).with("MDR_QUIRK", 0x2000);

    public Console {
        u32(size, "console size");
        u16(type, "console type");
        u16(flags, "console flags");
        u32(divider, "console divider");
        u32(gateNr, "console gate_nr");
    }

    public boolean isMmio() {
        return (flags & ACCESS_MMIO) != 0;
    }
}
