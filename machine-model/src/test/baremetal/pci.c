/*
 * PCI through the ECAM window at 0x4010000000 (MMU off): the host bridge's
 * and a test device's IDs, an absent device, sizing and programming the
 * device's memory BAR, an access through it, and its INTA reaching the GIC.
 */
#include "baremetal.h"

#define ECAM 0x4010000000ul
#define MMIO32 0x10000000ul
#define INTA_OF_DEVICE_1 36     /* INTx swizzle: device 1, pin A is the host's second line */

static uint64_t config(unsigned int dev, unsigned int offset)
{
    return ECAM + ((uint64_t)dev << 15) + offset;
}

static volatile int interrupted;

static void on_irq(struct frame *f, int vector)
{
    unsigned int iar = gic_ack();
    printf("interrupt %u: the device asks, status 0x%x\n", iar & 0x3ff, mmio_read16(config(1, 6)));
    mmio_write32(MMIO32 + 4, 0);          /* the device lowers INTA */
    gic_eoi(iar);
    interrupted = 1;
}

int main(void)
{
    for (unsigned int dev = 0; dev < 3; dev++)
        printf("00:%02x.0: vendor 0x%04x device 0x%04x class 0x%06x header %u\n", dev,
               mmio_read16(config(dev, 0)), mmio_read16(config(dev, 2)), mmio_read32(config(dev, 8)) >> 8,
               mmio_read8(config(dev, 0xe)));
    mmio_write32(config(1, 0x10), 0xffffffffu);
    uint32_t bar = mmio_read32(config(1, 0x10));
    printf("BAR0 reads 0x%08x after writing ones: %u bytes of memory\n", bar, ~(bar & ~0xfu) + 1);
    mmio_write32(config(1, 0x10), MMIO32);
    mmio_write16(config(1, 4), 2);       /* memory space */
    printf("BAR0 at 0x%08x, register 0 reads 0x%x\n", mmio_read32(config(1, 0x10)), mmio_read32(MMIO32));
    printf("interrupt pin %u\n", mmio_read8(config(1, 0x3d)));

    irq_handler = on_irq;
    gic_init();
    gic_init_cpu();
    gic_enable(INTA_OF_DEVICE_1);
    gic_route_spi(INTA_OF_DEVICE_1, 0);
    irq_enable();
    mmio_write32(MMIO32 + 4, 1);         /* the device raises INTA */
    wait_until(interrupted);
    printf("done\n");
    return 0;
}
