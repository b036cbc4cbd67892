/* Cadence UART (Xilinx Zynq and ZynqMP); set up by firmware, so no init. */
#include "inmate.h"
#include "console.h"

#define XUARTPS_SR		0x2c
#define  XUARTPS_SR_TXFULL	BIT(4)
#define XUARTPS_FIFO		0x30

static bool xuartps_tx_ready(const struct uart *uart)
{
	return !(mmio_read32(uart->base + XUARTPS_SR) & XUARTPS_SR_TXFULL);
}

static void xuartps_put(const struct uart *uart, char c)
{
	mmio_write32(uart->base + XUARTPS_FIFO, (u8)c);
}

const struct uart_driver uart_xuartps = {
	.name = "XUARTPS",
	.type = JAILHOUSE_CON_TYPE_XUARTPS,
	.tx_ready = xuartps_tx_ready,
	.put = xuartps_put,
};
