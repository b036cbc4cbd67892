/* PSCI 1.x and SMCCC calls through the SMC conduit, which Jailhouse traps. */
#ifndef INMATE_PSCI_H
#define INMATE_PSCI_H

#include "types.h"

#define PSCI_VERSION		0x84000000
#define PSCI_CPU_SUSPEND	0xc4000001
#define PSCI_CPU_OFF		0x84000002
#define PSCI_CPU_ON		0xc4000003
#define PSCI_AFFINITY_INFO	0xc4000004
#define PSCI_SYSTEM_OFF		0x84000008
#define PSCI_SYSTEM_RESET	0x84000009
#define PSCI_FEATURES		0x8400000a

#define SMCCC_VERSION		0x80000000
#define SMCCC_ARCH_FEATURES	0x80000001

#define PSCI_SUCCESS		0
#define PSCI_NOT_SUPPORTED	(-1)
#define PSCI_INVALID_PARAMETERS	(-2)
#define PSCI_DENIED		(-3)
#define PSCI_ALREADY_ON		(-4)
#define PSCI_INTERNAL_FAILURE	(-6)

#define PSCI_AFFINITY_ON	0
#define PSCI_AFFINITY_OFF	1

long smc_call(u64 function, u64 arg1, u64 arg2, u64 arg3);

static inline long psci_version(void) { return smc_call(PSCI_VERSION, 0, 0, 0); }
static inline long psci_features(u64 function) { return smc_call(PSCI_FEATURES, function, 0, 0); }

/* Starts the CPU with affinity mpidr at entry (a cell address), passing context. */
static inline long psci_cpu_on(u64 mpidr, u64 entry, u64 context)
{
	return smc_call(PSCI_CPU_ON, mpidr, entry, context);
}

static inline long psci_affinity_info(u64 mpidr) { return smc_call(PSCI_AFFINITY_INFO, mpidr, 0, 0); }

/* Each returns only on failure. */
static inline long psci_cpu_off(void) { return smc_call(PSCI_CPU_OFF, 0, 0, 0); }
static inline long psci_system_off(void) { return smc_call(PSCI_SYSTEM_OFF, 0, 0, 0); }
static inline long psci_system_reset(void) { return smc_call(PSCI_SYSTEM_RESET, 0, 0, 0); }

#endif
