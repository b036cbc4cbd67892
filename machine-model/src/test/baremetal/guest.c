/*
 * A guest for the Java test hypervisor (JavaHypervisorTest): runs at EL1
 * with its memory behind stage 2 and its console emulated by the
 * hypervisor. It makes a hypercall, a trapped SMC, a write to a page stage 2
 * maps read-only, a write to a register HCR_EL2.TVM traps, a trapped WFI;
 * takes the virtual interrupts the hypervisor puts in a list register; and
 * finally writes where stage 2 maps nothing.
 */
#include "baremetal.h"

#define HYPERCALL_ADD 1
#define HYPERCALL_INJECT 2       /* inject virtual interrupt x1 */
#define HYPERCALL_RAISE_SPI 3    /* make physical SPI x1 pending: the hypervisor forwards it */
#define READ_ONLY_PAGE 0x40400000ul
#define NO_EXECUTE_PAGE 0x40600000ul

static volatile unsigned int received;

static uint64_t hypercall(uint64_t function, uint64_t a1, uint64_t a2)
{
    register uint64_t x0 asm("x0") = function;
    register uint64_t x1 asm("x1") = a1;
    register uint64_t x2 asm("x2") = a2;
    asm volatile("hvc #0x77" : "+r"(x0), "+r"(x1), "+r"(x2) : : "memory");
    return x0;
}

static void on_irq(struct frame *f, int vector)
{
    unsigned int iar = gic_ack();
    printf("guest: virtual interrupt %u\n", iar & 0x3ff);
    gic_eoi(iar);
    received++;
}

int main(void)
{
    printf("guest: EL%lu, MPIDR 0x%lx, GICv%d\n", read_sysreg(CurrentEL) >> 2, read_sysreg(mpidr_el1),
           gic_version());
    printf("guest: hypercall add(40, 2) = %lu\n", hypercall(HYPERCALL_ADD, 40, 2));
    printf("guest: PSCI version 0x%lx\n", psci_call(PSCI_VERSION, 0, 0, 0));
    mmio_write64(READ_ONLY_PAGE, 1);
    printf("guest: wrote the read-only page, it holds 0x%lx\n", mmio_read64(READ_ONLY_PAGE));
    write_sysreg(contextidr_el1, 0x77);
    printf("guest: CONTEXTIDR_EL1 0x%lx\n", read_sysreg(contextidr_el1));
    wfi();
    printf("guest: WFI returned\n");
    ((void (*)(void))NO_EXECUTE_PAGE)();
    printf("guest: back from the call into the no-execute page\n");

    irq_handler = on_irq;
    gic_init_cpu_interface();
    irq_enable();
    hypercall(HYPERCALL_INJECT, 42, 0);
    wait_until(received == 1);
    hypercall(HYPERCALL_RAISE_SPI, 40, 0);
    wait_until(received == 2);

    printf("guest: writing outside the stage-2 map\n");
    register uint32_t value asm("w5") = 0xdead;
    register uint64_t address asm("x6") = 0x70000010ul;
    asm volatile("str w5, [x6]" : : "r"(value), "r"(address) : "memory");
    printf("guest: still running after the violation\n");
    return 0;
}
