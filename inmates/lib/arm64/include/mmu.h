/*
 * Stage-1 identity map in 2 MiB blocks. At start the first 2 MiB (the
 * image, its stacks and heap) and the communication region are mapped as
 * cacheable RAM; drivers map their devices with map_range as they start.
 */
#ifndef INMATE_MMU_H
#define INMATE_MMU_H

#include "types.h"

enum map_type { MAP_CACHED, MAP_DEVICE };

/* Identity-maps [start, start + size) rounded out to 2 MiB blocks. */
void map_range(u64 start, u64 size, enum map_type type);

void mmu_init(void);
/* Turns the MMU and caches on for the calling CPU with the shared tables. */
void mmu_enable(void);

#endif
