/* ARM PL011. */
#include "inmate.h"
#include "console.h"

#define UARTDR		0x00
#define UARTFR		0x18
#define  UARTFR_BUSY	BIT(3)
#define  UARTFR_TXFF	BIT(5)
#define UARTIBRD	0x24
#define UARTLCR_H	0x2c
#define  UARTLCR_H_8BIT	(3 << 5)
#define UARTCR		0x30
#define  UARTCR_ENABLE	BIT(0)
#define  UARTCR_TXE	BIT(8)

static void pl011_init(const struct uart *uart)
{
	mmio_write32(uart->base + UARTCR, 0);
	while (mmio_read32(uart->base + UARTFR) & UARTFR_BUSY)
		cpu_relax();
	mmio_write32(uart->base + UARTIBRD, uart->divider);
	mmio_write32(uart->base + UARTLCR_H, UARTLCR_H_8BIT);
	mmio_write32(uart->base + UARTCR, UARTCR_ENABLE | UARTCR_TXE);
}

static bool pl011_tx_ready(const struct uart *uart)
{
	return !(mmio_read32(uart->base + UARTFR) & UARTFR_TXFF);
}

static void pl011_put(const struct uart *uart, char c)
{
	mmio_write32(uart->base + UARTDR, (u8)c);
}

const struct uart_driver uart_pl011 = {
	.name = "PL011",
	.type = JAILHOUSE_CON_TYPE_PL011,
	.init = pl011_init,
	.tx_ready = pl011_tx_ready,
	.put = pl011_put,
};
