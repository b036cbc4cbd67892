/*
 * The first "done when": the MMU on, the GIC programmed, the virtual
 * timer every 10 ms, and ten timer interrupts printed on the PL011 with the
 * counter value each was taken at.
 */
#include "baremetal.h"

#define TICKS 10
#define VIRTUAL_TIMER 27

static volatile unsigned int ticks;
static uint64_t period, deadline;

static void on_irq(struct frame *f, int vector)
{
    unsigned int iar = gic_ack();
    unsigned int id = iar & 0x3ff;
    uint64_t now = cntvct();
    if (id == VIRTUAL_TIMER) {
        ticks++;
        printf("tick %u: interrupt %u at CNTVCT %lu, %lu ticks after the deadline\n", ticks, id, now,
               now - deadline);
        deadline += period;
        write_sysreg(cntv_cval_el0, deadline);
        if (ticks == TICKS)
            write_sysreg(cntv_ctl_el0, 0);
    } else {
        printf("unexpected interrupt %u\n", id);
    }
    gic_eoi(iar);
}

int main(void)
{
    mmu_map(0x08000000ul, 0x08000000ul, 0x01000000ul, MAP_DEVICE);   /* GIC */
    mmu_map(0x09000000ul, 0x09000000ul, 0x1000, MAP_DEVICE);         /* PL011 */
    mmu_map(0x40000000ul, 0x40000000ul, 0x40000000ul, MAP_NORMAL);
    mmu_enable();
    printf("ticks: MMU on, GICv%d, counter at %lu Hz\n", gic_version(), cntfrq());
    gic_init();
    gic_init_cpu();
    gic_enable(VIRTUAL_TIMER);
    irq_handler = on_irq;
    period = cntfrq() / 100;
    deadline = cntvct() + period;
    write_sysreg(cntv_cval_el0, deadline);
    write_sysreg(cntv_ctl_el0, 1);
    irq_enable();
    wait_until(ticks == TICKS);
    printf("%u ticks, CNTVCT %lu\n", ticks, cntvct());
    return 0;
}
