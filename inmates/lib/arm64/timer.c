/* The virtual counter and timer, and sleeping on them. */
#include "inmate.h"

#define CNTV_CTL_ENABLE		BIT(0)

u64 timer_frequency(void)
{
	return read_sysreg(cntfrq_el0);
}

u64 timer_ticks(void)
{
	isb();	/* do not read the counter ahead of earlier instructions */
	return read_sysreg(cntvct_el0);
}

/* Whole seconds and the remainder separately: no overflow for any tick count. */
u64 timer_ticks_to_ns(u64 ticks)
{
	u64 frequency = timer_frequency();

	return ticks / frequency * NS_PER_SEC + ticks % frequency * NS_PER_SEC / frequency;
}

u64 timer_ns_to_ticks(u64 ns)
{
	u64 frequency = timer_frequency();

	return ns / NS_PER_SEC * frequency + ns % NS_PER_SEC * frequency / NS_PER_SEC;
}

void timer_set_deadline(u64 deadline)
{
	write_sysreg(cntv_cval_el0, deadline);
	write_sysreg(cntv_ctl_el0, CNTV_CTL_ENABLE);
	isb();
}

void timer_stop(void)
{
	write_sysreg(cntv_ctl_el0, 0);
	isb();
}

static volatile bool deadline_passed[MAX_CPUS];
static bool timer_irq_enabled[MAX_CPUS];

static void wake_up(unsigned int irq)
{
	(void)irq;
	timer_stop();
	deadline_passed[this_cpu()] = true;
}

void sleep_until(u64 deadline)
{
	unsigned int cpu = this_cpu();
	u64 flags = irqs_save();

	if (!timer_irq_enabled[cpu]) {
		irq_enable(IRQ_VIRTUAL_TIMER, wake_up);
		timer_irq_enabled[cpu] = true;
	}
	deadline_passed[cpu] = false;
	timer_set_deadline(deadline);
	/*
	 * WFI with interrupts masked still wakes on a pending one, which is
	 * then taken in the short window below: no wake-up can be lost.
	 */
	while (!deadline_passed[cpu]) {
		wfi();
		irqs_enable();
		isb();
		irqs_disable();
	}
	irqs_restore(flags);
}

void sleep_ns(u64 ns)
{
	sleep_until(timer_ticks() + timer_ns_to_ticks(ns));
}
