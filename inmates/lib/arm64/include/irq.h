/*
 * Interrupts through the GIC the communication region names (gic_version 2
 * or 3): SGIs 0-15, PPIs 16-31 (per CPU) and SPIs 32 and up.
 */
#ifndef INMATE_IRQ_H
#define INMATE_IRQ_H

#include "types.h"

#define IRQ_VIRTUAL_TIMER	27

typedef void (*irq_handler)(unsigned int irq);

/* Sets up the calling CPU's GIC interface; every CPU that takes interrupts calls it. */
void irq_init(void);

/* Routes irq to the calling CPU (SPIs), enables it and calls handler for it. */
void irq_enable(unsigned int irq, irq_handler handler);

/* Sends SGI sgi (0-15) to the CPU with affinity mpidr. */
void irq_send_sgi(unsigned int sgi, u64 mpidr);

/* Acknowledges and handles every pending interrupt (the IRQ exception's default). */
void irq_dispatch(void);

/* A GIC driver. */
struct gic_driver {
	int (*init_cpu)(void);
	void (*enable)(unsigned int irq);
	u32 (*acknowledge)(void);
	void (*end)(u32 irq);
	void (*send_sgi)(unsigned int sgi, u64 mpidr);
};

extern const struct gic_driver gic_v2, gic_v3;

#define GIC_SPURIOUS	1020	/* and above: nothing to handle */

#endif
