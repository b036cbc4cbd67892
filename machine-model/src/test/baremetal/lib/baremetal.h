/* The machine-model tests' bare-metal support library (not the inmate library). */
#ifndef BAREMETAL_H
#define BAREMETAL_H

#include <stdarg.h>
#include <stdint.h>

#define read_sysreg(reg) ({ uint64_t _v; asm volatile("mrs %0, " #reg : "=r"(_v)); _v; })
#define write_sysreg(reg, v) asm volatile("msr " #reg ", %0" : : "r"((uint64_t)(v)) : "memory")
#define isb() asm volatile("isb" : : : "memory")
#define dsb() asm volatile("dsb sy" : : : "memory")
#define wfi() asm volatile("wfi" : : : "memory")
#define irq_enable() asm volatile("msr daifclr, #2" : : : "memory")
#define irq_disable() asm volatile("msr daifset, #2" : : : "memory")
/*
 * Sleeps until cond holds. The check runs with IRQs masked, so an interrupt
 * arriving between the check and the WFI still ends the WFI (a masked
 * pending interrupt wakes it) and is taken when IRQs are unmasked again.
 */
#define wait_until(cond)                 \
    do {                                 \
        irq_disable();                   \
        while (!(cond)) {                \
            wfi();                       \
            irq_enable();                \
            irq_disable();               \
        }                                \
        irq_enable();                    \
    } while (0)

static inline uint32_t mmio_read32(uint64_t a) { return *(volatile uint32_t *)a; }
static inline void mmio_write32(uint64_t a, uint32_t v) { *(volatile uint32_t *)a = v; }
static inline uint64_t mmio_read64(uint64_t a) { return *(volatile uint64_t *)a; }
static inline void mmio_write64(uint64_t a, uint64_t v) { *(volatile uint64_t *)a = v; }
static inline uint8_t mmio_read8(uint64_t a) { return *(volatile uint8_t *)a; }
static inline uint16_t mmio_read16(uint64_t a) { return *(volatile uint16_t *)a; }
static inline void mmio_write16(uint64_t a, uint16_t v) { *(volatile uint16_t *)a = v; }

/* Exceptions: what the vectors save, and the handlers tests install. */
struct frame {
    uint64_t x[31];
    uint64_t elr;
    uint64_t spsr;
    uint64_t pad;
};
enum { VECTOR_SYNC = 0, VECTOR_IRQ = 1, VECTOR_FIQ = 2, VECTOR_SERROR = 3 };
/* A handler; vector is 0..15 (group: current EL SP0, SPx, lower EL, ...; kind = vector & 3). */
typedef void (*exception_handler)(struct frame *f, int vector);
extern exception_handler sync_handler, irq_handler;
void handle_exception(struct frame *f, int vector);

/* Console: the PL011 at 0x09000000. */
void putc(char c);
void puts(const char *s);
int printf(const char *fmt, ...);
int vprintf(const char *fmt, va_list ap);

/* PSCI through SMC. */
int64_t psci_call(uint32_t function, uint64_t a1, uint64_t a2, uint64_t a3);
#define PSCI_VERSION 0x84000000u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON 0xC4000003u
#define PSCI_AFFINITY_INFO 0xC4000004u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_FEATURES 0x8400000Au
void system_off(void) __attribute__((noreturn));
unsigned int cpu_id(void);

/* Stage-1 MMU: 4 KiB granule, 39-bit VAs, tables from a static pool. */
#define MAP_NORMAL 0
#define MAP_DEVICE 1
#define MAP_READ_ONLY 2
#define MAP_EL0 4
void mmu_map(uint64_t va, uint64_t pa, uint64_t size, int flags);
void mmu_enable(void);
void mmu_disable(void);

/* GIC: v3 or v2 as ID_AA64PFR0_EL1 says, at the qemu-arm64 addresses. */
int gic_version(void);
void gic_init(void);          /* distributor, once */
void gic_init_cpu(void);      /* this CPU's redistributor (v3) and interface */
void gic_init_cpu_interface(void); /* the interface alone (what a guest of a hypervisor owns) */
void gic_enable(unsigned int intid);
void gic_route_spi(unsigned int intid, unsigned int cpu);
void gic_set_pending(unsigned int intid);
unsigned int gic_ack(void);   /* interrupt ID, 1023 if none; gic_eoi takes the same value */
void gic_eoi(unsigned int iar);
void gic_send_sgi(unsigned int intid, unsigned int cpu);

/* Generic timer. */
static inline uint64_t cntvct(void) { isb(); return read_sysreg(cntvct_el0); }
static inline uint64_t cntfrq(void) { return read_sysreg(cntfrq_el0); }

void *memset(void *d, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);

#endif
