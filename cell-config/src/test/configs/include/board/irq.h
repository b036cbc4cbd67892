/* Included from regions.h by a quoted name: found beside regions.h. */
#define UART_IRQ	33
#define IRQ_BIT(irq)	(1u << ((irq) % 32))
#define IRQ_WORD(irq)	(((irq) - 32) / 32)
