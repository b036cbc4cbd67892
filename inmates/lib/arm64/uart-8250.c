/* 8250/16550: registers 4 bytes apart with 32-bit access, or 1 byte apart with byte access. */
#include "inmate.h"
#include "console.h"

#define UART_THR	0
#define UART_DLL	0
#define UART_DLM	1
#define UART_LCR	3
#define  UART_LCR_8N1	0x03
#define  UART_LCR_DLAB	0x80
#define UART_LSR	5
#define  UART_LSR_THRE	0x20

static void write_register(const struct uart *uart, unsigned int reg, u8 value)
{
	if (uart->regdist_1)
		mmio_write8(uart->base + reg, value);
	else
		mmio_write32(uart->base + reg * 4, value);
}

static u8 read_register(const struct uart *uart, unsigned int reg)
{
	return uart->regdist_1 ? mmio_read8(uart->base + reg) :
		(u8)mmio_read32(uart->base + reg * 4);
}

static void uart8250_init(const struct uart *uart)
{
	write_register(uart, UART_LCR, UART_LCR_DLAB);
	write_register(uart, UART_DLL, (u8)uart->divider);
	write_register(uart, UART_DLM, (u8)(uart->divider >> 8));
	write_register(uart, UART_LCR, UART_LCR_8N1);
}

static bool uart8250_tx_ready(const struct uart *uart)
{
	return read_register(uart, UART_LSR) & UART_LSR_THRE;
}

static void uart8250_put(const struct uart *uart, char c)
{
	write_register(uart, UART_THR, (u8)c);
}

const struct uart_driver uart_8250 = {
	.name = "8250",
	.type = JAILHOUSE_CON_TYPE_8250,
	.init = uart8250_init,
	.tx_ready = uart8250_tx_ready,
	.put = uart8250_put,
};
