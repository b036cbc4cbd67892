/* Choosing the console on first use and writing to it. */
#include "inmate.h"
#include "console.h"

static const struct uart_driver *const drivers[] = {
	&uart_pl011, &uart_8250, &uart_xuartps, &uart_imx,
};

static struct uart uart;
static bool use_uart, use_hypervisor, ready;

static const struct uart_driver *driver_named(const char *name, u16 type)
{
	size_t n;

	for (n = 0; n < ARRAY_SIZE(drivers); n++)
		if (name ? strcmp(name, drivers[n]->name) == 0 : type == drivers[n]->type)
			return drivers[n];
	return NULL;
}

static void setup(void)
{
	const struct jailhouse_console *console = &comm_region->console;
	u32 flags = comm_region->flags;
	char name[16];

	uart.driver = driver_named(cmdline_str("con-type", name, sizeof(name), NULL), console->type);
	uart.base = (u64)cmdline_int("con-base", (long long)console->address);
	uart.divider = (u32)cmdline_int("con-divider", console->divider);
	uart.regdist_1 = cmdline_bool("con-regdist-1", !(console->flags & JAILHOUSE_CON_REGDIST_4));
	use_uart = uart.driver && uart.base;
	if (use_uart) {
		map_range(uart.base, PAGE_SIZE, MAP_DEVICE);
		if (uart.divider && uart.driver->init)
			uart.driver->init(&uart);
	}
	use_hypervisor = (flags & JAILHOUSE_COMM_FLAG_DBG_PUTC_PERMITTED) &&
		cmdline_bool("con-virtual", flags & JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE);
	ready = true;
}

static void uart_put(char c)
{
	while (!uart.driver->tx_ready(&uart))
		cpu_relax();
	uart.driver->put(&uart, c);
}

void console_write(const char *text, size_t length)
{
	size_t n;

	if (!ready)
		setup();
	for (n = 0; n < length; n++) {
		if (use_uart) {
			if (text[n] == '\n')
				uart_put('\r');
			uart_put(text[n]);
		}
		if (use_hypervisor)
			jailhouse_call(JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, (u8)text[n], 0);
	}
}
