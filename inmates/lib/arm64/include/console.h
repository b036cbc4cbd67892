/*
 * The console printk writes to. It is chosen on first use from the
 * communication region's console description, which the command line can
 * override: con-type=PL011|8250|XUARTPS|IMX|none, con-base=ADDRESS,
 * con-divider=N, con-regdist-1=BOOL (8250 with byte-wide registers),
 * con-virtual=BOOL (also write to the hypervisor's debug console).
 */
#ifndef INMATE_CONSOLE_H
#define INMATE_CONSOLE_H

#include "types.h"

struct uart;

struct uart_driver {
	const char *name;
	u16 type;			/* JAILHOUSE_CON_TYPE_* */
	/* programs the divider; NULL where firmware sets the UART up */
	void (*init)(const struct uart *uart);
	bool (*tx_ready)(const struct uart *uart);
	void (*put)(const struct uart *uart, char c);
};

struct uart {
	const struct uart_driver *driver;
	u64 base;
	u32 divider;		/* 0: keep the settings the UART has */
	bool regdist_1;		/* 8250: registers 1 byte apart, byte access */
};

extern const struct uart_driver uart_pl011, uart_8250, uart_xuartps, uart_imx;

/* Writes characters; '\n' becomes "\r\n" on the UART. */
void console_write(const char *text, size_t length);

#endif
