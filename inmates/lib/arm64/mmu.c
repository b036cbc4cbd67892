/*
 * A 39-bit identity map with a 4 KiB granule: one level-1 table (1 GiB per
 * entry) pointing to level-2 tables of 2 MiB blocks, taken from a small
 * pool on demand. Entries are only ever added, never changed, so no TLB
 * maintenance is needed: a mapping that exists keeps its first type.
 */
#include "inmate.h"

#define TABLE_ENTRIES		512
#define LEVEL2_TABLES		4
#define BLOCK_SHIFT		21
#define BLOCK_SIZE		(1UL << BLOCK_SHIFT)
#define VA_BITS			39

#define DESC_TABLE		0x3UL
#define DESC_BLOCK		0x1UL
#define DESC_ADDRESS_MASK	0x0000fffffffff000UL
#define ATTR_INDEX(n)		((u64)(n) << 2)
#define ATTR_INNER_SHAREABLE	(3UL << 8)
#define ATTR_ACCESS_FLAG	BIT(10)
#define ATTR_NEVER_EXECUTE	(BIT(53) | BIT(54))

/* MAIR_EL1 attribute 0: normal write-back memory; 1: Device-nGnRnE. */
#define MAIR_VALUE		0x00ffUL
#define ATTR_NORMAL		ATTR_INDEX(0)
#define ATTR_DEVICE		ATTR_INDEX(1)

/* TCR_EL1: T0SZ 25, walks cacheable and inner shareable, no TTBR1 walks, 40-bit PA. */
#define TCR_VALUE		((64UL - VA_BITS) | (1UL << 8) | (1UL << 10) | \
				 (3UL << 12) | BIT(23) | (2UL << 32))

#define SCTLR_MMU		BIT(0)
#define SCTLR_DCACHE		BIT(2)
#define SCTLR_ICACHE		BIT(12)

static u64 level1[TABLE_ENTRIES] __attribute__((aligned(PAGE_SIZE)));
static u64 level2[LEVEL2_TABLES][TABLE_ENTRIES] __attribute__((aligned(PAGE_SIZE)));
static unsigned int level2_used;

static u64 *level2_table(u64 address)
{
	u64 *entry = &level1[(address >> 30) % TABLE_ENTRIES];

	if (!(*entry & DESC_TABLE)) {
		if (level2_used == LEVEL2_TABLES || address >> VA_BITS) {
			/* The console itself may need a table: fail quietly. */
			comm_set_state(JAILHOUSE_CELL_FAILED);
			stop();
		}
		/* tables are zeroed BSS; make them visible before linking them */
		dsb_ishst();
		*entry = (u64)level2[level2_used++] | DESC_TABLE;
	}
	return (u64 *)(*entry & DESC_ADDRESS_MASK);
}

void map_range(u64 start, u64 size, enum map_type type)
{
	u64 attributes = DESC_BLOCK | ATTR_ACCESS_FLAG | ATTR_INNER_SHAREABLE |
		(type == MAP_CACHED ? ATTR_NORMAL : ATTR_DEVICE | ATTR_NEVER_EXECUTE);
	u64 block = start & ~(BLOCK_SIZE - 1);
	u64 end = start + (size ? size : 1);

	for (; block < end; block += BLOCK_SIZE) {
		u64 *entry = &level2_table(block)[(block >> BLOCK_SHIFT) % TABLE_ENTRIES];

		if (!*entry)
			*entry = block | attributes;
	}
	dsb_ish();
	isb();
}

void mmu_init(void)
{
	/* the image with its stacks and tables, and the communication region */
	map_range(0, BLOCK_SIZE, MAP_CACHED);
	map_range(COMM_REGION_BASE, PAGE_SIZE, MAP_CACHED);
}

void mmu_enable(void)
{
	write_sysreg(mair_el1, MAIR_VALUE);
	write_sysreg(tcr_el1, TCR_VALUE);
	write_sysreg(ttbr0_el1, (u64)level1);
	isb();
	write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_MMU | SCTLR_DCACHE | SCTLR_ICACHE);
	isb();
}
