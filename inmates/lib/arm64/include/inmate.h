/* Everything an inmate needs. An inmate defines inmate_main(). */
#ifndef INMATE_H
#define INMATE_H

#include "types.h"
#include "abi.h"
#include "cpu.h"
#include "string.h"
#include "printk.h"
#include "cmdline.h"
#include "comm.h"
#include "hypercall.h"
#include "psci.h"
#include "mmu.h"
#include "exceptions.h"
#include "irq.h"
#include "timer.h"
#include "smp.h"
#include "pci.h"
#include "ivshmem.h"

/* Runs on the first CPU once the MMU is on and the communication region checked. */
void inmate_main(void);

#endif
