/*
 * smp: the first CPU finds the cell's other CPU, starts it with PSCI
 * CPU_ON and sends it SGI 1; the second CPU says hello, reports the SGI and
 * turns itself off with CPU_OFF, which the first CPU then sees through
 * AFFINITY_INFO.
 */
#include "inmate.h"
#include "test.h"

#define SGI_WAKE	1
#define WAIT_STEP_NS	NS_PER_MSEC
#define WAIT_LIMIT	1000	/* steps */

static volatile bool second_ready, sgi_taken;

static void sgi_received(unsigned int irq)
{
	printk("SMP test: second CPU received SGI %u\n", irq);
	sgi_taken = true;
}

static void second_cpu(void)
{
	printk("SMP test: hello from the second CPU, MPIDR 0x%llx\n", this_mpidr());
	irq_init();
	irq_enable(SGI_WAKE, sgi_received);
	irqs_enable();
	second_ready = true;
	while (!sgi_taken)
		wfi();
	printk("SMP test: second CPU turning off\n");
}

/* Waits up to WAIT_LIMIT ms for *flag, sleeping between looks. */
static bool wait_for(volatile bool *flag)
{
	unsigned int n;

	for (n = 0; n < WAIT_LIMIT && !*flag; n++)
		sleep_ns(WAIT_STEP_NS);
	return *flag;
}

static bool wait_until_off(u64 mpidr)
{
	unsigned int n;

	for (n = 0; n < WAIT_LIMIT; n++) {
		if (psci_affinity_info(mpidr) == PSCI_AFFINITY_OFF)
			return true;
		sleep_ns(WAIT_STEP_NS);
	}
	return false;
}

void inmate_main(void)
{
	u64 other;

	printk("SMP test: starting on MPIDR 0x%llx\n", this_mpidr());
	irq_init();
	if (!smp_find_off_cpu(&other)) {
		EXPECT_TRUE("a second CPU in this cell", false);
		test_summary("SMP test");
		return;
	}
	printk("SMP test: starting the CPU with MPIDR 0x%llx\n", other);
	EXPECT_EQ("PSCI CPU_ON", smp_start_cpu(other, second_cpu), PSCI_SUCCESS);
	EXPECT_TRUE("second CPU running", wait_for(&second_ready));
	EXPECT_EQ("PSCI AFFINITY_INFO second CPU", psci_affinity_info(other), PSCI_AFFINITY_ON);
	EXPECT_EQ("PSCI CPU_ON again", psci_cpu_on(other, 0, 0), PSCI_ALREADY_ON);
	irq_send_sgi(SGI_WAKE, other);
	EXPECT_TRUE("SGI delivered", wait_for(&sgi_taken));
	EXPECT_TRUE("second CPU off again", wait_until_off(other));
	test_summary("SMP test");
}
