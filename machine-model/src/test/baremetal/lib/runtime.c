/* Exception dispatch, PSCI, and what the compiler may call. */
#include "baremetal.h"

exception_handler sync_handler, irq_handler;

void handle_exception(struct frame *f, int vector)
{
    exception_handler h = (vector & 3) == VECTOR_SYNC ? sync_handler
                          : (vector & 3) == VECTOR_IRQ ? irq_handler : 0;
    if (h) {
        h(f, vector);
        return;
    }
    printf("unexpected exception: vector %d ESR %lx ELR %lx FAR %lx\n", vector,
           read_sysreg(esr_el1), f->elr, read_sysreg(far_el1));
    system_off();
}

int64_t psci_call(uint32_t function, uint64_t a1, uint64_t a2, uint64_t a3)
{
    register uint64_t x0 asm("x0") = function;
    register uint64_t x1 asm("x1") = a1;
    register uint64_t x2 asm("x2") = a2;
    register uint64_t x3 asm("x3") = a3;
    asm volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
    return (int64_t)x0;
}

void system_off(void)
{
    psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
    for (;;)
        wfi();
}

unsigned int cpu_id(void)
{
    return read_sysreg(mpidr_el1) & 0xff;
}

/* Secondaries started without a program of their own just stop. */
__attribute__((weak)) void secondary_main(uint64_t context)
{
    (void)context;
    psci_call(PSCI_CPU_OFF, 0, 0, 0);
}

void *memset(void *d, int c, unsigned long n)
{
    unsigned char *p = d;
    while (n--)
        *p++ = (unsigned char)c;
    return d;
}

void *memcpy(void *d, const void *s, unsigned long n)
{
    unsigned char *p = d;
    const unsigned char *q = s;
    while (n--)
        *p++ = *q++;
    return d;
}
