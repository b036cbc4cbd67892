/*
 * smp: two CPUs (7 and 8) for the smp test inmate. Jailhouse starts CPU 7
 * at address 0; the inmate starts CPU 8 with PSCI CPU_ON. 1 MiB of RAM,
 * the shared PL011.
 */
#define TEST_CELL_NAME		"smp"
#define TEST_CELL_FLAGS		JAILHOUSE_CELL_PASSIVE_COMMREG
#define TEST_CELL_CPUS		((1 << 7) | (1 << 8))
#define TEST_CELL_RAM		6
#include "qemu-arm64-test-cell.h"
