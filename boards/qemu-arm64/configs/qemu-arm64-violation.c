/*
 * violation: for the violation test inmate, which writes outside its cell
 * (by default to 0x40000000, root cell RAM that this cell does not map).
 * One CPU (4), 1 MiB of RAM, the shared PL011.
 */
#define TEST_CELL_NAME		"violation"
#define TEST_CELL_FLAGS		JAILHOUSE_CELL_PASSIVE_COMMREG
#define TEST_CELL_CPUS		(1 << 4)
#define TEST_CELL_RAM		3
#include "qemu-arm64-test-cell.h"
