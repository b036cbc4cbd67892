/*
 * hypercalls: makes every Jailhouse hypercall from a non-root cell, and the
 * PSCI and SMCCC queries, and checks each result against upstream
 * Jailhouse's semantics. Results that depend on the hypervisor's state
 * (pool sizes, counters) are printed and checked for plausibility only.
 * Ends with "hypercalls: all N checks passed" or the number that failed.
 */
#include "inmate.h"
#include "test.h"

#define MAX_CPU_ID	64
#define NO_SUCH_CPU	9999
#define NO_SUCH_CODE	9

static long call(u64 code, u64 arg1, u64 arg2)
{
	return jailhouse_call(code, arg1, arg2);
}

/* Jailhouse's number of the calling CPU: the one CPU_GET_INFO does not refuse. */
static long own_cpu_id(void)
{
	long cpu;

	for (cpu = 0; cpu < MAX_CPU_ID; cpu++)
		if (call(JAILHOUSE_HC_CPU_GET_INFO, (u64)cpu, JAILHOUSE_CPU_INFO_STATE) >= 0)
			return cpu;
	return -1;
}

static void management_is_refused(void)
{
	EXPECT_EQ("DISABLE", call(JAILHOUSE_HC_DISABLE, 0, 0), -EPERM);
	EXPECT_EQ("CELL_CREATE", call(JAILHOUSE_HC_CELL_CREATE, 0, 0), -EPERM);
	EXPECT_EQ("CELL_START 1", call(JAILHOUSE_HC_CELL_START, 1, 0), -EPERM);
	EXPECT_EQ("CELL_SET_LOADABLE 1", call(JAILHOUSE_HC_CELL_SET_LOADABLE, 1, 0), -EPERM);
	EXPECT_EQ("CELL_DESTROY 1", call(JAILHOUSE_HC_CELL_DESTROY, 1, 0), -EPERM);
	EXPECT_EQ("CELL_GET_STATE 0", call(JAILHOUSE_HC_CELL_GET_STATE, 0, 0), -EPERM);
}

static void hypervisor_info(void)
{
	long size = call(JAILHOUSE_HC_HYPERVISOR_GET_INFO, JAILHOUSE_INFO_MEM_POOL_SIZE, 0);
	long used = call(JAILHOUSE_HC_HYPERVISOR_GET_INFO, JAILHOUSE_INFO_MEM_POOL_USED, 0);
	long remap_size = call(JAILHOUSE_HC_HYPERVISOR_GET_INFO, JAILHOUSE_INFO_REMAP_POOL_SIZE, 0);
	long remap_used = call(JAILHOUSE_HC_HYPERVISOR_GET_INFO, JAILHOUSE_INFO_REMAP_POOL_USED, 0);
	long cells = call(JAILHOUSE_HC_HYPERVISOR_GET_INFO, JAILHOUSE_INFO_NUM_CELLS, 0);

	printk("GET_INFO: mem pool %ld/%ld pages, remap pool %ld/%ld pages, %ld cells\n",
	       used, size, remap_used, remap_size, cells);
	EXPECT_TRUE("GET_INFO mem pool used within size", size > 0 && used > 0 && used <= size);
	EXPECT_TRUE("GET_INFO remap pool used within size", remap_used >= 0 && remap_used <= remap_size);
	EXPECT_TRUE("GET_INFO at least two cells", cells >= 2);
	EXPECT_EQ("GET_INFO unknown type", call(JAILHOUSE_HC_HYPERVISOR_GET_INFO, 99, 0), -EINVAL);
}

static void cpu_info(long cpu)
{
	long foreign = cpu == 0 ? 1 : 0;
	long hypercalls = call(JAILHOUSE_HC_CPU_GET_INFO, (u64)cpu,
			       JAILHOUSE_CPU_INFO_STAT_BASE + JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL);

	printk("CPU_GET_INFO: this is CPU %ld, %ld hypercalls so far\n", cpu, hypercalls);
	EXPECT_EQ("CPU_GET_INFO own state", call(JAILHOUSE_HC_CPU_GET_INFO, (u64)cpu,
						 JAILHOUSE_CPU_INFO_STATE), JAILHOUSE_CPU_RUNNING);
	EXPECT_TRUE("CPU_GET_INFO own hypercall counter", hypercalls > 0);
	EXPECT_EQ("CPU_GET_INFO unknown statistic", call(JAILHOUSE_HC_CPU_GET_INFO, (u64)cpu,
			JAILHOUSE_CPU_INFO_STAT_BASE + JAILHOUSE_NUM_CPU_STATS), -EINVAL);
	EXPECT_EQ("CPU_GET_INFO unknown type", call(JAILHOUSE_HC_CPU_GET_INFO, (u64)cpu, 1), -EINVAL);
	EXPECT_EQ("CPU_GET_INFO foreign CPU", call(JAILHOUSE_HC_CPU_GET_INFO, (u64)foreign,
						   JAILHOUSE_CPU_INFO_STATE), -EPERM);
	EXPECT_EQ("CPU_GET_INFO no such CPU", call(JAILHOUSE_HC_CPU_GET_INFO, NO_SUCH_CPU,
						   JAILHOUSE_CPU_INFO_STATE), -EINVAL);
}

static void debug_console(void)
{
	static const char text[] = "hypercalls: written with DEBUG_CONSOLE_PUTC\n";
	bool permitted = comm_region->flags & JAILHOUSE_COMM_FLAG_DBG_PUTC_PERMITTED;
	long expected = permitted ? 0 : -EPERM;
	long result = expected; /* so the loop runs: it stops at the first unexpected result */
	size_t n;

	for (n = 0; n < sizeof(text) - 1 && result == expected; n++)
		result = call(JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, (u8)text[n], 0);
	printk("DEBUG_CONSOLE_PUTC is %spermitted to this cell\n", permitted ? "" : "not ");
	EXPECT_EQ("DEBUG_CONSOLE_PUTC", result, expected);
}

static void psci_and_smccc(void)
{
	u64 self = this_mpidr();
	u64 other = self ^ 1;	/* this cell has one CPU: any other is foreign */

	EXPECT_EQ("PSCI VERSION", psci_version(), 0x10001);
	EXPECT_EQ("PSCI FEATURES CPU_ON", psci_features(PSCI_CPU_ON), PSCI_SUCCESS);
	EXPECT_EQ("PSCI FEATURES unknown", psci_features(0x8400ffff), PSCI_NOT_SUPPORTED);
	EXPECT_EQ("PSCI AFFINITY_INFO self", psci_affinity_info(self), PSCI_AFFINITY_ON);
	EXPECT_EQ("PSCI AFFINITY_INFO foreign", psci_affinity_info(other), PSCI_DENIED);
	EXPECT_EQ("PSCI CPU_ON foreign", psci_cpu_on(other, 0, 0), PSCI_DENIED);
	EXPECT_EQ("SMCCC VERSION", smc_call(SMCCC_VERSION, 0, 0, 0), 0x10001);
	EXPECT_EQ("SMCCC ARCH_FEATURES ARCH_FEATURES",
		  smc_call(SMCCC_ARCH_FEATURES, SMCCC_ARCH_FEATURES, 0, 0), 0);
}

void inmate_main(void)
{
	long cpu = own_cpu_id();

	printk("hypercalls: testing from MPIDR 0x%llx\n", this_mpidr());
	management_is_refused();
	hypervisor_info();
	if (cpu >= 0)
		cpu_info(cpu);
	else
		EXPECT_TRUE("CPU_GET_INFO finds this CPU", false);
	debug_console();
	EXPECT_EQ("unknown hypercall", call(NO_SUCH_CODE, 0, 0), -ENOSYS);
	psci_and_smccc();
	test_summary("hypercalls");
}
