/* Interrupt handling common to both GIC versions: the handler table and dispatch. */
#include "inmate.h"

#define MAX_HANDLERS	16
#define IRQ_NUMBER_MASK	0x3ff

struct irq_entry {
	unsigned int irq;
	irq_handler handler;
};

static struct irq_entry handlers[MAX_HANDLERS];
static unsigned int handler_count;

static const struct gic_driver *gic(void)
{
	return comm_region->gic_version == 3 ? &gic_v3 : &gic_v2;
}

void irq_init(void)
{
	if (gic()->init_cpu() != 0) {
		printk("IRQ: no GIC CPU interface found for CPU %u\n", this_cpu());
		stop();
	}
}

static void set_handler(unsigned int irq, irq_handler handler)
{
	unsigned int n;

	for (n = 0; n < handler_count; n++)
		if (handlers[n].irq == irq)
			break;
	if (n == MAX_HANDLERS) {
		printk("IRQ: no room for a handler of interrupt %u\n", irq);
		stop();
	}
	handlers[n].irq = irq;
	handlers[n].handler = handler;
	if (n == handler_count)
		handler_count++;
}

void irq_enable(unsigned int irq, irq_handler handler)
{
	u64 flags = irqs_save();

	set_handler(irq, handler);
	irqs_restore(flags);
	gic()->enable(irq);
}

void irq_send_sgi(unsigned int sgi, u64 mpidr)
{
	gic()->send_sgi(sgi, mpidr);
}

static void handle(unsigned int irq)
{
	unsigned int n;

	for (n = 0; n < handler_count; n++)
		if (handlers[n].irq == irq) {
			handlers[n].handler(irq);
			return;
		}
	printk("IRQ: unexpected interrupt %u on CPU %u\n", irq, this_cpu());
}

void irq_dispatch(void)
{
	const struct gic_driver *driver = gic();

	for (;;) {
		u32 acknowledged = driver->acknowledge();
		unsigned int irq = acknowledged & IRQ_NUMBER_MASK;

		if (irq >= GIC_SPURIOUS)
			break;
		handle(irq);
		driver->end(acknowledged);
	}
}
