/* Secondary CPUs of the cell, started with PSCI CPU_ON. */
#ifndef INMATE_SMP_H
#define INMATE_SMP_H

#include "types.h"

/*
 * Starts the CPU with affinity mpidr, which runs entry (with the MMU on,
 * its own stack and this_cpu() set) and turns itself off if entry returns.
 * Returns the PSCI result (0 on success), or PSCI_INTERNAL_FAILURE if the
 * CPU did not come up within a second.
 */
long smp_start_cpu(u64 mpidr, void (*entry)(void));

/*
 * Finds a CPU of this cell that is off: asks PSCI AFFINITY_INFO about the
 * CPUs of the caller's cluster (Aff0 0-15), which answers DENIED for CPUs
 * of other cells. Returns false if there is none.
 */
bool smp_find_off_cpu(u64 *mpidr);

#endif
