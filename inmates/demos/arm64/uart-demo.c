/*
 * uart-demo: prints "Hello N from cell!" on the cell's console, one line
 * every interval-ms milliseconds (default 100), sleeping in between.
 */
#include "inmate.h"

void inmate_main(void)
{
	u64 interval = timer_ns_to_ticks((u64)cmdline_int("interval-ms", 100) * NS_PER_MSEC);
	u64 next = timer_ticks();
	unsigned int n;

	irq_init();
	for (n = 1;; n++) {
		printk("Hello %u from cell!\n", n);
		next += interval;
		sleep_until(next);
	}
}
