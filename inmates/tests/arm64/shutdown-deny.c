/*
 * shutdown-deny: answers the hypervisor's messages; the first shutdown
 * request is denied, the next approved. (The cell must not have a passive
 * communication region, or the hypervisor never asks.)
 *
 * Command line: lock (mark the cell RUNNING_LOCKED, which blocks the
 * creation and destruction of other cells until it shuts down).
 */
#include "inmate.h"

#define POLL_INTERVAL_NS	(10 * NS_PER_MSEC)

static unsigned int requests;

static bool approve_all_but_first(void)
{
	requests++;
	if (requests == 1) {
		printk("Shutdown test: request %u denied\n", requests);
		return false;
	}
	printk("Shutdown test: request %u approved, stopping\n", requests);
	return true;
}

void inmate_main(void)
{
	irq_init();
	if (cmdline_bool("lock", false)) {
		comm_set_state(JAILHOUSE_CELL_RUNNING_LOCKED);
		printk("Shutdown test: cell locked\n");
	}
	printk("Shutdown test: waiting for shutdown requests\n");
	while (!comm_poll(approve_all_but_first))
		sleep_ns(POLL_INTERVAL_NS);
}
