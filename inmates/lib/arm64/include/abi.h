/*
 * What Jailhouse promises an arm64 inmate: the communication region at
 * 0x80000000 and the codes exchanged through it, the hypercall numbers and
 * the console description. Values are Jailhouse's (revision 2 of the
 * communication region ABI).
 */
#ifndef INMATE_ABI_H
#define INMATE_ABI_H

#include "types.h"

#define COMM_REGION_BASE		0x80000000UL
#define COMM_REGION_SIGNATURE		"JHCOMM"
#define COMM_REGION_REVISION		2

/* Hypercalls: hvc #0x4a48, code in x0, arguments in x1 and x2, result in x0. */
#define JAILHOUSE_HVC_IMMEDIATE		0x4a48
#define JAILHOUSE_HC_DISABLE		0
#define JAILHOUSE_HC_CELL_CREATE	1
#define JAILHOUSE_HC_CELL_START		2
#define JAILHOUSE_HC_CELL_SET_LOADABLE	3
#define JAILHOUSE_HC_CELL_DESTROY	4
#define JAILHOUSE_HC_HYPERVISOR_GET_INFO 5
#define JAILHOUSE_HC_CELL_GET_STATE	6
#define JAILHOUSE_HC_CPU_GET_INFO	7
#define JAILHOUSE_HC_DEBUG_CONSOLE_PUTC	8

/* JAILHOUSE_HC_HYPERVISOR_GET_INFO types */
#define JAILHOUSE_INFO_MEM_POOL_SIZE	0
#define JAILHOUSE_INFO_MEM_POOL_USED	1
#define JAILHOUSE_INFO_REMAP_POOL_SIZE	2
#define JAILHOUSE_INFO_REMAP_POOL_USED	3
#define JAILHOUSE_INFO_NUM_CELLS	4

/* JAILHOUSE_HC_CPU_GET_INFO types and the CPU states it reports */
#define JAILHOUSE_CPU_INFO_STATE	0
#define JAILHOUSE_CPU_INFO_STAT_BASE	1000
#define JAILHOUSE_CPU_RUNNING		0
#define JAILHOUSE_CPU_FAILED		2

/* Per-CPU statistics (add to JAILHOUSE_CPU_INFO_STAT_BASE); arm64 has 9. */
#define JAILHOUSE_CPU_STAT_VMEXITS_TOTAL	0
#define JAILHOUSE_CPU_STAT_VMEXITS_MMIO		1
#define JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT	2
#define JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL	3
#define JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE	4
#define JAILHOUSE_CPU_STAT_VMEXITS_VIRQ		5
#define JAILHOUSE_CPU_STAT_VMEXITS_VSGI		6
#define JAILHOUSE_CPU_STAT_VMEXITS_PSCI		7
#define JAILHOUSE_CPU_STAT_VMEXITS_SMCCC	8
#define JAILHOUSE_NUM_CPU_STATS			9

/* Messages to the cell (msg_to_cell) */
#define JAILHOUSE_MSG_NONE			0
#define JAILHOUSE_MSG_SHUTDOWN_REQUEST		1
#define JAILHOUSE_MSG_RECONFIG_COMPLETED	2

/* Replies from the cell (reply_from_cell) */
#define JAILHOUSE_MSG_UNKNOWN			1
#define JAILHOUSE_MSG_REQUEST_DENIED		2
#define JAILHOUSE_MSG_REQUEST_APPROVED		3
#define JAILHOUSE_MSG_RECEIVED			4

/* Cell states (cell_state) */
#define JAILHOUSE_CELL_RUNNING			0
#define JAILHOUSE_CELL_RUNNING_LOCKED		1
#define JAILHOUSE_CELL_SHUT_DOWN		2
#define JAILHOUSE_CELL_FAILED			3
#define JAILHOUSE_CELL_FAILED_COMM_REV		4

/* Communication region flags */
#define JAILHOUSE_COMM_FLAG_DBG_PUTC_PERMITTED	0x0001
#define JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE	0x0002

/* Console types and flags */
#define JAILHOUSE_CON_TYPE_NONE		0x0000
#define JAILHOUSE_CON_TYPE_8250		0x0002
#define JAILHOUSE_CON_TYPE_PL011	0x0003
#define JAILHOUSE_CON_TYPE_XUARTPS	0x0004
#define JAILHOUSE_CON_TYPE_IMX		0x0008
#define JAILHOUSE_CON_ACCESS_MMIO	0x0001
#define JAILHOUSE_CON_REGDIST_4		0x0002

struct jailhouse_console {
	u64 address;
	u32 size;
	u16 type;
	u16 flags;
	u32 divider;
	u32 gate_nr;
	u64 clock_reg;
};

/*
 * Jailhouse declares the region packed; every field happens to sit at its
 * natural alignment, so the plain struct has the same offsets (checked
 * below) and the compiler may use full-width accesses.
 */
struct jailhouse_comm_region {
	char signature[6];
	u16 revision;
	volatile u32 cell_state;
	volatile u32 msg_to_cell;
	volatile u32 reply_from_cell;
	u32 flags;
	struct jailhouse_console console;
	u64 pci_mmconfig_base;
	u8 gic_version;
	u8 padding[7];
	u64 gicd_base;
	u64 gicc_base;
	u64 gicr_base;
	u32 vpci_irq_base;
};

_Static_assert(sizeof(struct jailhouse_console) == 32, "console layout");
_Static_assert(offsetof(struct jailhouse_comm_region, console) == 24, "comm layout");
_Static_assert(offsetof(struct jailhouse_comm_region, pci_mmconfig_base) == 56, "comm layout");
_Static_assert(offsetof(struct jailhouse_comm_region, gic_version) == 64, "comm layout");
_Static_assert(offsetof(struct jailhouse_comm_region, gicd_base) == 72, "comm layout");
_Static_assert(offsetof(struct jailhouse_comm_region, vpci_irq_base) == 96, "comm layout");

#define comm_region	((struct jailhouse_comm_region *)COMM_REGION_BASE)

#endif
