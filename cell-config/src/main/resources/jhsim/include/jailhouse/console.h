/*
 * jhsim: struct jailhouse_console and its constants.
 */
#ifndef JHSIM_JAILHOUSE_CONSOLE_H
#define JHSIM_JAILHOUSE_CONSOLE_H

/* Console device types */
#define JAILHOUSE_CON_TYPE_NONE		0x0000
#define JAILHOUSE_CON_TYPE_EFIFB	0x0001
#define JAILHOUSE_CON_TYPE_8250		0x0002
#define JAILHOUSE_CON_TYPE_PL011	0x0003
#define JAILHOUSE_CON_TYPE_XUARTPS	0x0004
#define JAILHOUSE_CON_TYPE_MVEBU	0x0005
#define JAILHOUSE_CON_TYPE_HSCIF	0x0006
#define JAILHOUSE_CON_TYPE_SCIFA	0x0007
#define JAILHOUSE_CON_TYPE_IMX		0x0008
#define JAILHOUSE_CON_TYPE_IMX_LPUART	0x0009
#define JAILHOUSE_CON_TYPE_SCIF		0x000a
#define JAILHOUSE_CON_TYPE_LINFLEX	0x000b	/* MinervaSys (NXP S32) */

/* Bit 0: port I/O (clear) or MMIO (set) */
#define JAILHOUSE_CON_ACCESS_PIO	0x0000
#define JAILHOUSE_CON_ACCESS_MMIO	0x0001
#define CON_IS_MMIO(flags)		!!((flags) & JAILHOUSE_CON_ACCESS_MMIO)

/* Bit 1: registers 1 byte apart with 8-bit access (clear), 4 bytes apart with 32-bit access (set) */
#define JAILHOUSE_CON_REGDIST_1		0x0000
#define JAILHOUSE_CON_REGDIST_4		0x0002
#define CON_USES_REGDIST_1(flags)	(((flags) & JAILHOUSE_CON_REGDIST_4) == 0)

/* Bit 2: EFI framebuffer resolution */
#define JAILHOUSE_CON_FB_1024x768	0x0000
#define JAILHOUSE_CON_FB_1920x1080	0x0004
#define FB_IS_1920x1080(flags)		!!((flags) & JAILHOUSE_CON_FB_1920x1080)

/* Bit 12: the clock gate is enabled by clearing (set) instead of setting its bit */
#define JAILHOUSE_CON_INVERTED_GATE	0x1000
#define CON_HAS_INVERTED_GATE(flags)	!!((flags) & JAILHOUSE_CON_INVERTED_GATE)

/* Bit 13: apply the 8250 MDR quirk */
#define JAILHOUSE_CON_MDR_QUIRK		0x2000
#define CON_HAS_MDR_QUIRK(flags)	!!((flags) & JAILHOUSE_CON_MDR_QUIRK)

struct jailhouse_console {
	__u64 address;
	__u32 size;
	__u16 type;
	__u16 flags;
	__u32 divider;
	__u32 gate_nr;
	__u64 clock_reg;
} __attribute__((packed));

#endif
