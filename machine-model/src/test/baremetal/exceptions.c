/*
 * EL1 exception handling: synchronous exceptions from EL1 with SP_EL1 and
 * SP_EL0 and from EL0 reach their vectors with the architectural ESR, ELR,
 * FAR and SPSR; an illegal exception return; PSCI from EL1, a secondary CPU
 * started and stopped.
 */
#include "baremetal.h"

extern char svc_site[], brk_site[], udf_site[], load_site[], store_site[], sp0_svc_site[];
extern char el0_mrs_site[], el0_svc_site[], el0_exit_site[], el0_return[], illegal_site[];
void misaligned_target(void);
void run_at_el0(void (*fn)(void), uint64_t sp);

asm(".global run_at_el0\n"
    "run_at_el0:\n"
    "    stp x29, x30, [sp, #-96]!\n"
    "    stp x19, x20, [sp, #16]\n"
    "    stp x21, x22, [sp, #32]\n"
    "    stp x23, x24, [sp, #48]\n"
    "    stp x25, x26, [sp, #64]\n"
    "    stp x27, x28, [sp, #80]\n"
    "    msr sp_el0, x1\n"
    "    msr elr_el1, x0\n"
    "    msr spsr_el1, xzr\n"
    "    eret\n"
    ".global el0_return\n"
    "el0_return:\n"
    "    ldp x19, x20, [sp, #16]\n"
    "    ldp x21, x22, [sp, #32]\n"
    "    ldp x23, x24, [sp, #48]\n"
    "    ldp x25, x26, [sp, #64]\n"
    "    ldp x27, x28, [sp, #80]\n"
    "    ldp x29, x30, [sp], #96\n"
    "    ret\n");

static uint64_t user_stack[256] __attribute__((aligned(16)));

/* Names the code address an exception reports, so the output does not depend on the layout. */
static const char *site(uint64_t pc)
{
    static const struct { const char *at; int offset; const char *name; } sites[] = {
        {brk_site, 0, "brk_site"}, {udf_site, 0, "udf_site"}, {load_site, 0, "load_site"},
        {store_site, 0, "store_site"}, {el0_mrs_site, 0, "el0_mrs_site"}, {el0_exit_site, 0, "el0_exit_site"},
        {illegal_site, 0, "illegal_site"},
        {svc_site, 4, "svc_site + 4"}, {sp0_svc_site, 4, "sp0_svc_site + 4"}, {el0_svc_site, 4, "el0_svc_site + 4"},
        {(const char *)misaligned_target, 2, "misaligned_target + 2"},
    };
    for (unsigned int i = 0; i < sizeof(sites) / sizeof(sites[0]); i++)
        if (pc == (uint64_t)sites[i].at + sites[i].offset)
            return sites[i].name;
    return "somewhere else";
}

static void on_sync(struct frame *f, int vector)
{
    uint64_t esr = read_sysreg(esr_el1);
    unsigned int ec = esr >> 26;
    printf("vector %d: EC 0x%02x IL %d ISS 0x%07x ELR %s SPSR 0x%lx", vector, ec, (int)(esr >> 25) & 1,
           (unsigned int)(esr & 0x1ffffff), site(f->elr), f->spsr);
    if (ec == 0x22)
        printf(" FAR %s", site(read_sysreg(far_el1)));
    if (ec == 0x24 || ec == 0x25)
        printf(" FAR 0x%lx", read_sysreg(far_el1));
    printf("\n");
    if (ec == 0x15 && (esr & 0xffff) == 0xff) {   /* svc #0xff: back to EL1 */
        f->elr = (uint64_t)el0_return;
        f->spsr = 0x3c5;
    } else if (ec == 0x22) {                      /* PC alignment: back to the caller */
        f->elr = f->x[30];
    } else if (ec != 0x15) {                      /* skip the instruction that raised it */
        f->elr += 4;
    }
}

static void user_code(void)
{
    asm volatile("el0_mrs_site: mrs x0, sctlr_el1" : : : "x0");
    asm volatile("el0_svc_site: svc #0x11");
    asm volatile("svc #0xff\n el0_exit_site: nop");
}

void misaligned_target(void)
{
}

void secondary_main(uint64_t context)
{
    printf("cpu %u up at EL%lu, context 0x%lx\n", cpu_id(), read_sysreg(CurrentEL) >> 2, context);
    psci_call(PSCI_CPU_OFF, 0, 0, 0);
}

static void psci(void)
{
    printf("PSCI version 0x%lx\n", psci_call(PSCI_VERSION, 0, 0, 0));
    printf("FEATURES(CPU_ON) %ld, FEATURES(0x84000005) %ld\n", psci_call(PSCI_FEATURES, PSCI_CPU_ON, 0, 0),
           psci_call(PSCI_FEATURES, 0x84000005, 0, 0));
    printf("AFFINITY_INFO(cpu 1) %ld\n", psci_call(PSCI_AFFINITY_INFO, 1, 0, 0));
    printf("CPU_ON(cpu 1) %ld\n", psci_call(PSCI_CPU_ON, 1, 0x40080000, 0x1234));
    printf("CPU_ON(cpu 1) again %ld\n", psci_call(PSCI_CPU_ON, 1, 0x40080000, 0x1234));
    while (psci_call(PSCI_AFFINITY_INFO, 1, 0, 0) == 0)
        ;
    printf("AFFINITY_INFO(cpu 1) %ld after it turned itself off\n", psci_call(PSCI_AFFINITY_INFO, 1, 0, 0));
    printf("CPU_ON(cpu 99) %ld\n", psci_call(PSCI_CPU_ON, 99, 0x40080000, 0));
}

int main(void)
{
    uint64_t v;
    sync_handler = on_sync;
    printf("exceptions at EL%lu\n", read_sysreg(CurrentEL) >> 2);
    asm volatile("svc_site: svc #0x42\n nop");
    asm volatile("brk_site: brk #0x7");
    asm volatile("udf_site: .inst 0x00001234");
    asm volatile("load_site: ldr %0, [%1]" : "=r"(v) : "r"(0x90000000ul));
    asm volatile("store_site: strb wzr, [%0]" : : "r"(0x90000010ul) : "memory");
    asm volatile("msr spsel, #0\n sp0_svc_site: svc #0x5\n msr spsel, #1");
    ((void (*)(void))((uint64_t)misaligned_target + 2))();
    asm volatile("adr x0, illegal_site\n msr elr_el1, x0\n mov x0, #0x3c9\n msr spsr_el1, x0\n eret\n"
                 "illegal_site: nop" : : : "x0", "memory");
    run_at_el0(user_code, (uint64_t)(user_stack + 256));
    printf("back at EL%lu\n", read_sysreg(CurrentEL) >> 2);
    psci();
    return 0;
}
