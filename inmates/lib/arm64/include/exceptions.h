/*
 * Exceptions taken at EL1. The vector table saves the interrupted context
 * in a frame and calls the handler registered for the exception's type;
 * IRQs go to the interrupt controller driver unless replaced. A handler
 * may change the frame (e.g. step elr over an instruction) before return.
 */
#ifndef INMATE_EXCEPTIONS_H
#define INMATE_EXCEPTIONS_H

#include "types.h"

enum exception_type { EXC_SYNC, EXC_IRQ, EXC_FIQ, EXC_SERROR, EXC_TYPES };

struct exception_frame {
	u64 x[31];
	u64 elr;
	u64 spsr;
	u64 pad;
};

typedef void (*exception_handler)(enum exception_type type, struct exception_frame *frame);

void exception_set_handler(enum exception_type type, exception_handler handler);

/* Called by the vectors; kind is the vector index 0..15. */
void handle_exception(unsigned int kind, struct exception_frame *frame);

#endif
