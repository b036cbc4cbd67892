/*
 * shutdown-deny: for the shutdown-deny test inmate, which denies the first
 * shutdown request and approves the next. The communication region is
 * active (no JAILHOUSE_CELL_PASSIVE_COMMREG), so the hypervisor asks the
 * cell before shutting it down and tells it about reconfigurations.
 * One CPU (5), 1 MiB of RAM, the shared PL011.
 */
#define TEST_CELL_NAME		"shutdown-deny"
#define TEST_CELL_FLAGS		0
#define TEST_CELL_CPUS		(1 << 5)
#define TEST_CELL_RAM		4
#include "qemu-arm64-test-cell.h"
