/* Dispatching exceptions to their handlers; the default reports and stops. */
#include "inmate.h"

static const char *const type_names[EXC_TYPES] = {
	"synchronous exception", "IRQ", "FIQ", "SError",
};

static void report_and_stop(enum exception_type type, struct exception_frame *frame)
{
	printk("Unhandled %s on CPU %u: ESR 0x%llx, ELR 0x%llx, FAR 0x%llx\n",
	       type_names[type], this_cpu(), read_sysreg(esr_el1), frame->elr,
	       read_sysreg(far_el1));
	stop();
}

static void take_irq(enum exception_type type, struct exception_frame *frame)
{
	(void)type;
	(void)frame;
	irq_dispatch();
}

static exception_handler handlers[EXC_TYPES] = {
	report_and_stop, take_irq, report_and_stop, report_and_stop,
};

void exception_set_handler(enum exception_type type, exception_handler handler)
{
	handlers[type] = handler;
}

void handle_exception(unsigned int kind, struct exception_frame *frame)
{
	/* vector index: origin * 4 + type */
	enum exception_type type = (enum exception_type)(kind % EXC_TYPES);

	handlers[type](type, frame);
}
