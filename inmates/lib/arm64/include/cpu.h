/* CPU primitives: system registers, barriers, MMIO, interrupt masking. */
#ifndef INMATE_CPU_H
#define INMATE_CPU_H

#include "types.h"

#define read_sysreg(reg) ({						\
	u64 __value;							\
	asm volatile("mrs %0, " #reg : "=r" (__value));			\
	__value;							\
})

#define write_sysreg(reg, value)					\
	asm volatile("msr " #reg ", %0" : : "r" ((u64)(value)) : "memory")

static inline void isb(void) { asm volatile("isb" : : : "memory"); }
static inline void dsb_ish(void) { asm volatile("dsb ish" : : : "memory"); }
static inline void dsb_ishst(void) { asm volatile("dsb ishst" : : : "memory"); }
static inline void wfi(void) { asm volatile("wfi" : : : "memory"); }
static inline void cpu_relax(void) { asm volatile("yield" : : : "memory"); }

static inline u8 mmio_read8(u64 addr) { return *(volatile u8 *)addr; }
static inline u16 mmio_read16(u64 addr) { return *(volatile u16 *)addr; }
static inline u32 mmio_read32(u64 addr) { return *(volatile u32 *)addr; }
static inline u64 mmio_read64(u64 addr) { return *(volatile u64 *)addr; }
static inline void mmio_write8(u64 addr, u8 v) { *(volatile u8 *)addr = v; }
static inline void mmio_write16(u64 addr, u16 v) { *(volatile u16 *)addr = v; }
static inline void mmio_write32(u64 addr, u32 v) { *(volatile u32 *)addr = v; }
static inline void mmio_write64(u64 addr, u64 v) { *(volatile u64 *)addr = v; }

/* PSTATE.I and F; the library never unmasks SError or debug exceptions. */
static inline void irqs_enable(void) { asm volatile("msr daifclr, #3" : : : "memory"); }
static inline void irqs_disable(void) { asm volatile("msr daifset, #3" : : : "memory"); }

static inline u64 irqs_save(void)
{
	u64 daif = read_sysreg(daif);

	irqs_disable();
	return daif;
}

static inline void irqs_restore(u64 daif) { write_sysreg(daif, daif); }

/* Affinity fields of MPIDR_EL1, as PSCI and the GIC take them. */
#define MPIDR_AFFINITY_MASK	0xff00ffffffUL

static inline u64 this_mpidr(void)
{
	return read_sysreg(mpidr_el1) & MPIDR_AFFINITY_MASK;
}

/* The library's CPU number: 0 for the CPU that started the image, then 1, 2... */
#define MAX_CPUS	4

static inline unsigned int this_cpu(void)
{
	return (unsigned int)read_sysreg(tpidr_el1);
}

void __attribute__((noreturn)) stop(void);

#endif
