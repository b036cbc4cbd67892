/*
 * hypercalls: for the hypercalls test inmate. It may use the debug console
 * hypercall (JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED), so that call
 * succeeds while the management calls are refused. One CPU (6), 1 MiB of
 * RAM, the shared PL011.
 */
#define TEST_CELL_NAME		"hypercalls"
#define TEST_CELL_FLAGS		(JAILHOUSE_CELL_PASSIVE_COMMREG | \
				 JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED)
#define TEST_CELL_CPUS		(1 << 6)
#define TEST_CELL_RAM		5
#include "qemu-arm64-test-cell.h"
