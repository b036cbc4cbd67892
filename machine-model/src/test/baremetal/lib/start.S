/*
 * Entry of every image, on CPU 0 from the loader and on secondaries from
 * PSCI CPU_ON (with the context ID in x0): a 16 KiB stack per CPU (by
 * MPIDR Aff0), EL1 vectors, BSS cleared by CPU 0, then main() or
 * secondary_main(context). Returning from either powers the machine off.
 */
    .section .text.start, "ax"
    .global _start
_start:
    mrs     x1, mpidr_el1
    and     x1, x1, #0xff
    ldr     x2, =__stacks_top
    mov     x3, #0x4000
    msub    x2, x1, x3, x2
    mov     sp, x2
    ldr     x2, =vectors
    msr     vbar_el1, x2
    isb
    cbnz    x1, 3f
    ldr     x2, =__bss_start
    ldr     x3, =__bss_end
1:  cmp     x2, x3
    b.hs    2f
    str     xzr, [x2], #8
    b       1b
2:  bl      main
    b       system_off
3:  bl      secondary_main
    b       system_off
