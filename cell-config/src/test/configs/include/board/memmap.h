/* Included as <board/memmap.h> through -I: the board's memory map. */
#ifndef BOARD_MEMMAP_H
#define BOARD_MEMMAP_H

#define RAM_BASE	0x40000000
#define RAM_SIZE	0x20000000
#define UART_BASE	0x09000000

#include "regions.h"

#endif
