/*
 * GIC delivery on GICv3 or GICv2 (whichever the board has): an SGI to this
 * CPU and one to another, a PPI (the virtual timer), SPIs routed to either
 * CPU, and an SPI held back by the priority mask.
 */
#include "baremetal.h"

static volatile unsigned int taken[2];
static volatile unsigned int last[2];
static volatile int secondary_ready;

static void on_irq(struct frame *f, int vector)
{
    unsigned int iar = gic_ack();
    unsigned int id = iar & 0x3ff, cpu = cpu_id();
    if (id < 16 && gic_version() == 2)
        printf("cpu %u: SGI %u from cpu %u\n", cpu, id, (iar >> 10) & 7);
    else
        printf("cpu %u: %s %u\n", cpu, id < 16 ? "SGI" : id < 32 ? "PPI" : "SPI", id);
    if (id == 27)
        write_sysreg(cntv_ctl_el0, 0);   /* the timer's level drops with its enable */
    gic_eoi(iar);
    last[cpu] = id;
    taken[cpu]++;
}

static void wait_for(unsigned int cpu, unsigned int count)
{
    wait_until(taken[cpu] >= count);
}

void secondary_main(uint64_t context)
{
    gic_init_cpu();
    gic_enable(2);
    irq_enable();
    secondary_ready = 1;
    wait_for(1, 2);
    psci_call(PSCI_CPU_OFF, 0, 0, 0);
}

int main(void)
{
    irq_handler = on_irq;
    gic_init();
    gic_init_cpu();
    irq_enable();
    printf("GICv%d\n", gic_version());

    gic_enable(1);
    gic_send_sgi(1, 0);
    wait_for(0, 1);

    gic_enable(27);
    write_sysreg(cntv_cval_el0, cntvct() + 100);
    write_sysreg(cntv_ctl_el0, 1);
    wait_for(0, 2);

    gic_enable(40);
    gic_route_spi(40, 0);
    gic_set_pending(40);
    wait_for(0, 3);

    if (gic_version() == 3)
        write_sysreg(s3_0_c4_c6_0, 0x80);          /* ICC_PMR_EL1: priority 0x80 is not above it */
    else
        mmio_write32(0x08010004ul, 0x80);          /* GICC_PMR */
    gic_enable(41);
    gic_route_spi(41, 0);
    gic_set_pending(41);
    for (int i = 0; i < 1000; i++)
        asm volatile("nop");
    printf("SPI 41 pending behind the priority mask: %s\n", taken[0] == 3 ? "not taken" : "taken!");
    if (gic_version() == 3)
        write_sysreg(s3_0_c4_c6_0, 0xff);
    else
        mmio_write32(0x08010004ul, 0xff);
    wait_for(0, 4);

    psci_call(PSCI_CPU_ON, 1, 0x40080000, 0);
    while (!secondary_ready)
        ;
    gic_send_sgi(2, 1);
    while (taken[1] < 1)
        ;
    gic_enable(42);
    gic_route_spi(42, 1);
    gic_set_pending(42);
    while (psci_call(PSCI_AFFINITY_INFO, 1, 0, 0) == 0)
        ;
    printf("cpu 1 took %u interrupts, the last %u\n", taken[1], last[1]);
    return 0;
}
