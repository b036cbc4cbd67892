/* i.MX UART; set up by firmware, so no init. */
#include "inmate.h"
#include "console.h"

#define IMX_UTXD		0x40
#define IMX_UTS			0xb4
#define  IMX_UTS_TXFULL		BIT(4)

static bool imx_tx_ready(const struct uart *uart)
{
	return !(mmio_read32(uart->base + IMX_UTS) & IMX_UTS_TXFULL);
}

static void imx_put(const struct uart *uart, char c)
{
	mmio_write32(uart->base + IMX_UTXD, (u8)c);
}

const struct uart_driver uart_imx = {
	.name = "IMX",
	.type = JAILHOUSE_CON_TYPE_IMX,
	.tx_ready = imx_tx_ready,
	.put = imx_put,
};
