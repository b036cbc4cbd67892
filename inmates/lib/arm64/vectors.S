/*
 * The EL1 vector table: 16 entries of 128 bytes (current EL with SP_EL0,
 * current EL with SP_ELx, lower EL AArch64, lower EL AArch32; each sync,
 * IRQ, FIQ, SError). Every entry saves the context in an exception_frame
 * on the stack and calls handle_exception(kind, frame).
 */
#define FRAME_SIZE	(34 * 8)	/* x0-x30, elr, spsr, padding */

.macro entry kind
	.balign	0x80
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp]
	mov	x0, #\kind
	b	save_and_handle
.endm

	.section .vectors, "ax"
	.global	vectors
	.balign	0x800
vectors:
	.irp	kind, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	entry	\kind
	.endr

	.text
save_and_handle:
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
	mrs	x1, elr_el1
	mrs	x2, spsr_el1
	stp	x28, x29, [sp, #16 * 14]
	stp	x30, x1, [sp, #16 * 15]
	str	x2, [sp, #16 * 16]

	mov	x1, sp
	bl	handle_exception

	/* The handler may have changed the frame: restore from it. */
	ldp	x30, x1, [sp, #16 * 15]
	ldr	x2, [sp, #16 * 16]
	msr	elr_el1, x1
	msr	spsr_el1, x2
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
	add	sp, sp, #FRAME_SIZE
	eret
