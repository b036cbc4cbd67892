/* From reset to inmate_main on the first CPU, and stopping a CPU for good. */
#include "inmate.h"

#define STACK_SIZE	0x1000	/* entry.S knows it as 1 << STACK_SIZE_SHIFT */

u8 cpu_stacks[MAX_CPUS][STACK_SIZE] __attribute__((aligned(16)));

void __attribute__((noreturn)) inmate_start(void);

void __attribute__((noreturn)) inmate_start(void)
{
	mmu_init();
	mmu_enable();

	/* An inmate built for another ABI must not guess: say so and stop. */
	if (!comm_region_valid())
		comm_set_state(JAILHOUSE_CELL_FAILED_COMM_REV);
	else
		inmate_main();
	stop();
}

void __attribute__((noreturn)) stop(void)
{
	irqs_disable();
	for (;;)
		wfi();
}
