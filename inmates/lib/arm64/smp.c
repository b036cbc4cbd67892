/* Starting secondary CPUs with PSCI CPU_ON. */
#include "inmate.h"

void __attribute__((noreturn)) secondary_start(void);
extern char secondary_entry[];

#define START_TIMEOUT_SECONDS	1

/* Read by entry.S before the new CPU's MMU and caches are on. */
volatile u32 secondary_cpu_number;

static void (*volatile secondary_function)(void);
static volatile bool secondary_running;
static unsigned int cpus_started = 1;

long smp_start_cpu(u64 mpidr, void (*entry)(void))
{
	long result;
	u64 deadline;

	if (cpus_started == MAX_CPUS)
		return PSCI_INVALID_PARAMETERS;	/* no stack left */

	secondary_cpu_number = cpus_started;
	secondary_function = entry;
	secondary_running = false;
	/* push the number out of our cache to where an uncached read finds it */
	asm volatile("dc civac, %0" : : "r" (&secondary_cpu_number) : "memory");
	dsb_ish();

	result = psci_cpu_on(mpidr, (u64)secondary_entry, 0);
	if (result != PSCI_SUCCESS)
		return result;
	/* the parameters are free again once the new CPU has taken them */
	deadline = timer_ticks() + timer_frequency() * START_TIMEOUT_SECONDS;
	while (!secondary_running)
		if (timer_ticks() > deadline)
			return PSCI_INTERNAL_FAILURE;
	cpus_started++;
	return PSCI_SUCCESS;
}

void __attribute__((noreturn)) secondary_start(void)
{
	void (*entry)(void);

	mmu_enable();
	entry = secondary_function;
	secondary_running = true;
	entry();
	psci_cpu_off();
	stop();
}

bool smp_find_off_cpu(u64 *mpidr)
{
	u64 self = this_mpidr();
	u64 aff0;

	for (aff0 = 0; aff0 < 16; aff0++) {
		u64 candidate = (self & ~0xffUL) | aff0;

		if (candidate != self && psci_affinity_info(candidate) == PSCI_AFFINITY_OFF) {
			*mpidr = candidate;
			return true;
		}
	}
	return false;
}
