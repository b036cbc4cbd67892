/*
 * ivshmem 2.0 devices (Jailhouse's inter-cell shared memory): the register
 * BAR, the state table, the read/write section, one output section per
 * peer, and a doorbell that interrupts a peer (here through INTx).
 */
#ifndef INMATE_IVSHMEM_H
#define INMATE_IVSHMEM_H

#include "types.h"

#define IVSHMEM_VENDOR_ID	0x110a
#define IVSHMEM_DEVICE_ID	0x4106
#define IVSHMEM_PROTO_UNDEFINED	0x0000

struct ivshmem_registers {
	u32 id;
	u32 max_peers;
	u32 int_control;
	u32 doorbell;
	u32 state;
};

struct ivshmem_device {
	u16 bdf;
	volatile struct ivshmem_registers *registers;
	u32 id;
	u32 max_peers;
	unsigned int irq;		/* the INTx line, as the GIC numbers it */
	volatile u32 *state_table;	/* one entry per peer, read-only */
	u64 state_table_size;
	volatile u8 *rw_section;
	u64 rw_section_size;
	u64 output_section_size;
	volatile u8 *output_sections;	/* peer n's at n * output_section_size */
};

/*
 * Finds the ivshmem device at or after start_bdf, places its register BAR
 * at bar_address (any free cell address: the hypervisor traps it), enables
 * it and maps its shared memory. Returns false if there is none.
 */
bool ivshmem_open(struct ivshmem_device *dev, u16 start_bdf, u64 bar_address);

static inline volatile u8 *ivshmem_output_section(const struct ivshmem_device *dev, u32 peer)
{
	return dev->output_sections + peer * dev->output_section_size;
}

/* Publishes this peer's state in the state table (the peers get an interrupt). */
void ivshmem_set_state(struct ivshmem_device *dev, u32 state);
/* Enables (or disables) the device's interrupt towards this cell. */
void ivshmem_enable_interrupts(struct ivshmem_device *dev, bool enable);
/* Rings peer's doorbell (vector 0). */
void ivshmem_ring(struct ivshmem_device *dev, u32 peer);

#endif
