/*
 * Where an inmate starts: Jailhouse resets the cell's first CPU to address
 * 0 (cpu_reset_address) at EL1 with the MMU off; secondary CPUs come to
 * secondary_entry through PSCI CPU_ON.
 */
#define STACK_SIZE_SHIFT	12

/* x0: this CPU's number. Sets TPIDR_EL1, the stack and the vectors. */
.macro cpu_setup
	msr	tpidr_el1, x0
	ldr	x1, =cpu_stacks
	add	x2, x0, #1
	add	x1, x1, x2, lsl #STACK_SIZE_SHIFT
	mov	sp, x1
	ldr	x1, =vectors
	msr	vbar_el1, x1
	isb
.endm

	.section .boot, "ax"
	.global	reset_entry
reset_entry:
	/* The loader copies the file only: zero what follows it. */
	ldr	x0, =bss_start
	ldr	x1, =bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b
2:	mov	x0, #0
	cpu_setup
	b	inmate_start

	.global	secondary_entry
secondary_entry:
	/* smp_start_cpu left the number for this CPU here */
	ldr	x1, =secondary_cpu_number
	ldr	w0, [x1]
	cpu_setup
	b	secondary_start

	.ltorg
