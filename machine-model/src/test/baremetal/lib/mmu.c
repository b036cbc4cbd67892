/*
 * Stage-1 translation for EL1&0: 4 KiB granule, 39-bit VAs (T0SZ 25, walks
 * start at level 1), 2 MiB blocks where size and alignment allow, pages
 * otherwise. MAIR index 0 is Device-nGnRnE, index 1 Normal write-back.
 */
#include "baremetal.h"

#define PAGE 0x1000ul
#define BLOCK 0x200000ul
#define VALID 1ul
#define TABLE 3ul
#define PAGE_DESC 3ul
#define AF (1ul << 10)
#define INNER_SHAREABLE (3ul << 8)
#define AP_EL0 (1ul << 6)
#define AP_RO (1ul << 7)
#define PXN (1ul << 53)
#define UXN (1ul << 54)
#define ATTR_DEVICE (0ul << 2)
#define ATTR_NORMAL (1ul << 2)

static uint64_t pool[32][512] __attribute__((aligned(4096)));
static unsigned int pool_used;
static uint64_t *root;

static uint64_t *new_table(void)
{
    uint64_t *t = pool[pool_used++];
    memset(t, 0, PAGE);
    return t;
}

static uint64_t *next_level(uint64_t *table, unsigned int index)
{
    if ((table[index] & 3) != TABLE)
        table[index] = (uint64_t)new_table() | TABLE;
    return (uint64_t *)(table[index] & 0x0000fffffffff000ul);
}

static uint64_t leaf_attributes(int flags)
{
    uint64_t a = AF | VALID;
    if (flags & MAP_DEVICE)
        a |= ATTR_DEVICE | PXN | UXN;
    else
        a |= ATTR_NORMAL | INNER_SHAREABLE;
    if (flags & MAP_READ_ONLY)
        a |= AP_RO;
    if (flags & MAP_EL0)
        a |= AP_EL0 | PXN;
    else
        a |= UXN;
    return a;
}

void mmu_map(uint64_t va, uint64_t pa, uint64_t size, int flags)
{
    if (!root)
        root = new_table();
    uint64_t attributes = leaf_attributes(flags);
    for (uint64_t off = 0; off < size;) {
        uint64_t v = va + off, p = pa + off;
        uint64_t *l2 = next_level(root, (v >> 30) & 511);
        if ((v | p) % BLOCK == 0 && size - off >= BLOCK) {
            l2[(v >> 21) & 511] = p | attributes;
            off += BLOCK;
        } else {
            uint64_t *l3 = next_level(l2, (v >> 21) & 511);
            l3[(v >> 12) & 511] = p | attributes | PAGE_DESC;
            off += PAGE;
        }
    }
}

void mmu_enable(void)
{
    write_sysreg(mair_el1, 0xff00ul);
    /* T0SZ 25, inner/outer write-back walks, inner shareable, 4 KiB, EPD1, 40-bit IPS. */
    write_sysreg(tcr_el1, 25ul | 1ul << 8 | 1ul << 10 | 3ul << 12 | 1ul << 23 | 2ul << 32);
    write_sysreg(ttbr0_el1, (uint64_t)root);
    asm volatile("tlbi vmalle1" : : : "memory");
    dsb();
    isb();
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | 1ul | 1ul << 2 | 1ul << 12);
    isb();
}

void mmu_disable(void)
{
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) & ~1ul);
    isb();
}
