/*
 * gic-demo: the virtual timer interrupts 10 times a second and each
 * interrupt reports how late it came ("jitter") against its deadline, with
 * the minimum and maximum so far. Deadlines are absolute, so the rate does
 * not drift with the time printing takes.
 *
 * Command line: led-reg=ADDRESS led-pin=N toggles bit N of a GPIO register
 * with each beat.
 */
#include "inmate.h"

#define BEATS_PER_SECOND	10

static u64 period, deadline;
static u64 jitter_min = ~0ULL, jitter_max;
static u64 led_register;
static unsigned int led_pin;

static void timer_fired(unsigned int irq)
{
	u64 now = timer_ticks();
	u64 jitter = now - deadline;

	(void)irq;
	if (jitter < jitter_min)
		jitter_min = jitter;
	if (jitter > jitter_max)
		jitter_max = jitter;
	printk("Timer fired, jitter: %6ld ns, min: %6ld ns, max: %6ld ns\n",
	       (long)timer_ticks_to_ns(jitter), (long)timer_ticks_to_ns(jitter_min),
	       (long)timer_ticks_to_ns(jitter_max));

	if (led_register)
		mmio_write32(led_register, mmio_read32(led_register) ^ (u32)BIT(led_pin));

	deadline += period;
	if (deadline <= timer_ticks())	/* beats were missed: start afresh */
		deadline = timer_ticks() + period;
	timer_set_deadline(deadline);
}

void inmate_main(void)
{
	led_register = (u64)cmdline_int("led-reg", 0);
	led_pin = (unsigned int)cmdline_int("led-pin", 0);
	if (led_register)
		map_range(led_register, 4, MAP_DEVICE);

	printk("Initializing the GIC...\n");
	irq_init();
	irq_enable(IRQ_VIRTUAL_TIMER, timer_fired);

	printk("Initializing the timer...\n");
	period = timer_frequency() / BEATS_PER_SECOND;
	deadline = timer_ticks() + period;
	timer_set_deadline(deadline);

	irqs_enable();
	for (;;)
		wfi();
}
