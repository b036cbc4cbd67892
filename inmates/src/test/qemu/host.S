/*
 * Entry points and EL2 vectors of the test host (see host.c). QEMU starts
 * CPU 0 at _start at EL2; other CPUs arrive at secondary_el2 through PSCI
 * CPU_ON with the cell entry point as context (x0).
 */
#define STACK_SHIFT	13

	.section .text.start, "ax"
	.global	_start
_start:
	mov	x19, #0		/* cell entry: address 0 */
	b	1f
	.global	secondary_el2
secondary_el2:
	mov	x19, x0
1:	mrs	x0, mpidr_el1
	and	x0, x0, #0xff
	ldr	x1, =host_stacks
	add	x2, x0, #1
	add	x1, x1, x2, lsl #STACK_SHIFT
	mov	sp, x1
	ldr	x1, =el2_vectors
	msr	vbar_el2, x1
	isb
	bl	host_cpu_init	/* x0: CPU number */
	msr	elr_el2, x19
	mov	x1, #0x3c5	/* EL1h, all exceptions masked */
	msr	spsr_el2, x1
	mov	x0, xzr
	mov	x1, xzr
	eret

/* Only synchronous exceptions from EL1 are expected; anything else parks the CPU. */
.macro vector target
	.balign	0x80
	b	\target
.endm
	.balign	0x800
el2_vectors:
	.rept	8
	vector	unexpected
	.endr
	vector	trap_from_el1
	.rept	7
	vector	unexpected
	.endr

unexpected:
	bl	host_unexpected
2:	wfi
	b	2b

/* Saves x0-x30 as an array for host_trap, which may change them. */
trap_from_el1:
	sub	sp, sp, #(32 * 8)
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x19, [sp, #16 * 9]
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]
	str	x30, [sp, #16 * 15]
	mov	x0, sp
	bl	host_trap
	ldp	x0, x1, [sp, #16 * 0]
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x19, [sp, #16 * 9]
	ldp	x20, x21, [sp, #16 * 10]
	ldp	x22, x23, [sp, #16 * 11]
	ldp	x24, x25, [sp, #16 * 12]
	ldp	x26, x27, [sp, #16 * 13]
	ldp	x28, x29, [sp, #16 * 14]
	ldr	x30, [sp, #16 * 15]
	add	sp, sp, #(32 * 8)
	eret

	.ltorg
