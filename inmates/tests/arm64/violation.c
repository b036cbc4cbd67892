/*
 * violation: says what it is about to do, then writes to an address its
 * cell does not own. The hypervisor must stop this cell (state "failed")
 * and report the access, while every other cell runs on. Nothing after the
 * write should ever print.
 *
 * Command line: address=ADDRESS (default 0x40000000: RAM of the root cell,
 * not mapped in a non-root cell), delay-ms=N (run that long first).
 */
#include "inmate.h"

void inmate_main(void)
{
	u64 address = (u64)cmdline_int("address", 0x40000000);
	long long delay = cmdline_int("delay-ms", 0);

	printk("Access violation test: running\n");
	if (delay > 0) {
		irq_init();
		sleep_ns((u64)delay * NS_PER_MSEC);
	}
	printk("Access violation test: writing to 0x%llx, outside this cell\n", address);
	map_range(address, 4, MAP_DEVICE);
	mmio_write32(address, 0xdeadbeef);
	printk("Access violation test: FAILED, the write to 0x%llx went through\n", address);
}
