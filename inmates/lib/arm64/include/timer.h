/*
 * The EL1 virtual timer (PPI 27) and the virtual counter. Ticks count at
 * the counter frequency (CNTFRQ_EL0); deadlines are absolute tick values.
 */
#ifndef INMATE_TIMER_H
#define INMATE_TIMER_H

#include "types.h"

u64 timer_frequency(void);
u64 timer_ticks(void);
u64 timer_ticks_to_ns(u64 ticks);
u64 timer_ns_to_ticks(u64 ns);

/* Raises IRQ_VIRTUAL_TIMER once the counter reaches deadline. */
void timer_set_deadline(u64 deadline);
/* Disarms the timer (and so drops its interrupt). */
void timer_stop(void);

/*
 * Waits with WFI until the counter reaches deadline, taking interrupts
 * meanwhile. Uses the virtual timer and its interrupt, so call irq_init
 * first and do not drive the timer yourself at the same time.
 */
void sleep_until(u64 deadline);
void sleep_ns(u64 ns);

#endif
