/*
 * ivshmem-demo: two (or more) cells exchange doorbells through an ivshmem
 * device. Each cell announces itself in the state table, then every
 * interval-ms (default 500) writes a counter into its output section and
 * rings the doorbell of its partner: the first other peer that is up (or
 * target=ID). On each interrupt it prints what the peers' output sections
 * and the state table hold.
 *
 * Command line: target=ID, interval-ms=N, bar=ADDRESS (where to place the
 * register BAR, default 0x90000000: any cell address nothing else uses).
 */
#include "inmate.h"

#define STATE_UP	1
#define NO_PEER		0xffffffff

static struct ivshmem_device dev;
static u32 last_seen[16];	/* per peer: last counter and state reported */
static u32 last_state[16];

static volatile u32 *counter_of(u32 peer)
{
	return (volatile u32 *)ivshmem_output_section(&dev, peer);
}

static void doorbell(unsigned int irq)
{
	u32 peer;

	(void)irq;
	for (peer = 0; peer < dev.max_peers && peer < ARRAY_SIZE(last_seen); peer++) {
		u32 state = dev.state_table[peer], counter;

		if (peer == dev.id)
			continue;
		if (state != last_state[peer]) {
			printk("IVSHMEM: peer %u sees peer %u in state %u\n", dev.id, peer, state);
			last_state[peer] = state;
		}
		counter = *counter_of(peer);
		if (state && counter != last_seen[peer]) {
			printk("IVSHMEM: peer %u got a doorbell: peer %u says %u\n", dev.id, peer, counter);
			last_seen[peer] = counter;
		}
	}
}

static u32 partner(void)
{
	long long target = cmdline_int("target", -1);
	u32 peer;

	if (target >= 0)
		return (u32)target;
	for (peer = 0; peer < dev.max_peers; peer++)
		if (peer != dev.id && dev.state_table[peer] == STATE_UP)
			return peer;
	return NO_PEER;
}

void inmate_main(void)
{
	u64 bar = (u64)cmdline_int("bar", 0x90000000);
	u64 interval = timer_ns_to_ticks((u64)cmdline_int("interval-ms", 500) * NS_PER_MSEC);
	u64 next = timer_ticks();
	u32 counter = 0, peer;

	irq_init();
	if (!pci_init() || !ivshmem_open(&dev, 0, bar)) {
		printk("IVSHMEM: no ivshmem device found\n");
		stop();
	}
	printk("IVSHMEM: device %02x:%02x.%x, ID %u of %u peers, interrupt %u\n",
	       dev.bdf >> 8, (dev.bdf >> 3) & 0x1f, dev.bdf & 7, dev.id, dev.max_peers, dev.irq);
	printk("IVSHMEM: state table at %p, R/W section at %p, output sections at %p (0x%llx bytes each)\n",
	       dev.state_table, dev.rw_section, dev.output_sections, dev.output_section_size);

	*counter_of(dev.id) = 0;
	irq_enable(dev.irq, doorbell);
	ivshmem_enable_interrupts(&dev, true);
	ivshmem_set_state(&dev, STATE_UP);
	irqs_enable();

	for (;;) {
		next += interval;
		sleep_until(next);
		peer = partner();
		if (peer == NO_PEER)
			continue;
		*counter_of(dev.id) = ++counter;
		printk("IVSHMEM: peer %u rings peer %u with %u\n", dev.id, peer, counter);
		ivshmem_ring(&dev, peer);
	}
}
