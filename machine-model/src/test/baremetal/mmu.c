/*
 * Stage-1 MMU from the guest's side: identity and non-identity maps, a
 * read-only page, an unmapped address, a stale TLB entry until TLBI, AT,
 * and the MMU turned off again.
 */
#include "baremetal.h"

#define RAM 0x40000000ul
#define WINDOW 0x10000000ul      /* VA with no RAM behind it: mapped onto buffer pages */
#define READ_ONLY 0x20000000ul
#define UNMAPPED 0x30000000ul

static uint64_t buffer[2][512] __attribute__((aligned(4096)));

static void on_sync(struct frame *f, int vector)
{
    uint64_t esr = read_sysreg(esr_el1);
    printf("  abort: vector %d EC 0x%02lx DFSC 0x%02lx WnR %lu FAR 0x%lx\n", vector, esr >> 26, esr & 0x3f,
           (esr >> 6) & 1, read_sysreg(far_el1));
    f->elr += 4;
}

static uint64_t at_s1e1r(uint64_t va)
{
    asm volatile("at s1e1r, %0" : : "r"(va));
    isb();
    return read_sysreg(par_el1);
}

int main(void)
{
    sync_handler = on_sync;
    buffer[0][0] = 0xaaaa0000;
    buffer[1][0] = 0xbbbb1111;

    mmu_map(0x09000000ul, 0x09000000ul, 0x1000, MAP_DEVICE);
    mmu_map(RAM, RAM, 0x40000000ul, MAP_NORMAL);
    mmu_map(WINDOW, (uint64_t)buffer[0], 0x1000, MAP_NORMAL);
    mmu_map(READ_ONLY, (uint64_t)buffer[1], 0x1000, MAP_READ_ONLY);
    mmu_enable();
    printf("MMU on: SCTLR_EL1.M %lu\n", read_sysreg(sctlr_el1) & 1);
    printf("identity: buffer 0 reads 0x%lx\n", buffer[0][0]);
    printf("window 0x%lx reads 0x%lx\n", WINDOW, mmio_read64(WINDOW));
    mmio_write64(WINDOW + 8, 0x12345678);
    printf("written through the window, buffer 0 holds 0x%lx\n", mmio_read64((uint64_t)&buffer[0][1]));
    printf("read-only page reads 0x%lx; writing it:\n", mmio_read64(READ_ONLY));
    mmio_write64(READ_ONLY, 1);
    printf("unmapped 0x%lx:\n", UNMAPPED);
    mmio_read64(UNMAPPED);

    mmu_map(WINDOW, (uint64_t)buffer[1], 0x1000, MAP_NORMAL);
    printf("window remapped to buffer 1, before TLBI it still reads 0x%lx\n", mmio_read64(WINDOW));
    asm volatile("tlbi vae1, %0\n dsb sy\n isb" : : "r"(WINDOW >> 12) : "memory");
    printf("after TLBI VAE1 it reads 0x%lx\n", mmio_read64(WINDOW));

    printf("AT S1E1R window: PAR 0x%lx (buffer 1 is at 0x%lx)\n", at_s1e1r(WINDOW), (uint64_t)buffer[1]);
    printf("AT S1E1R unmapped: PAR 0x%lx\n", at_s1e1r(UNMAPPED));

    mmu_disable();
    printf("MMU off: 0x%lx reads as physical memory again:\n", WINDOW);
    mmio_read64(WINDOW);
    printf("done\n");
    return 0;
}
