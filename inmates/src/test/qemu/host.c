/*
 * A test host for inmates on QEMU's virt machine (GICv3, EL2): just enough
 * of a hypervisor to run jhsim's images the way Jailhouse places them, so
 * that QemuCellTest can check them on QEMU's reference model of the
 * hardware. It is not Jailhouse and implements none of its management.
 *
 * The word at MODE_ADDRESS (written by the test) selects one cell on all
 * CPUs (1), two cells on CPUs 0 and 1 (2), or one cell on CPU 0 with CPU 1
 * playing the driver that sends it messages through the communication
 * region (3); the word after it selects GICv2 (2) instead of GICv3. Each
 * cell has:
 * - its image at cell address 0 (2 MiB at CELL_RAM(n)), a communication
 *   region at 0x80000000 (CELL_COMM(n)) describing the PL011 and the GIC;
 * - the GIC, UART and the rest of 0x08000000-0x09ffffff mapped through,
 *   the GIC's interrupts given to EL1 directly and, on GICv3, set to
 *   group 1 (as the root Linux leaves them under Jailhouse);
 * - the ivshmem demo memory at 0x7fa00000-0x7fbfffff, and an emulated
 *   virtual PCI host at 0x08e00000 with one ivshmem device (00:00.0, peers
 *   1 and 2 = cells 0 and 1, INTx line 136 + cell) when there are two;
 * - PSCI forwarded to QEMU (CPU_ON enters the cell through this host),
 *   the debug console hypercall, and -ENOSYS for every other hypercall;
 * - any other access reported as "host: cell N: stage-2 fault ..." and its
 *   CPU parked.
 */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;

#define read_sysreg(r) ({ u64 __v; asm volatile("mrs %0, " #r : "=r" (__v)); __v; })
#define write_sysreg(r, v) asm volatile("msr " #r ", %0" : : "r" ((u64)(v)))
#define REG32(address) (*(volatile u32 *)(u64)(address))

#define MODE_ADDRESS		0x7e000000ULL
#define MODE_TWO_CELLS		2
#define MODE_MESSAGES		3
#define GIC_VERSION_ADDRESS	0x7e000004ULL
#define CELL_RAM(n)		(0x7f000000ULL + (n) * 0x200000ULL)
#define CELL_COMM(n)		(0x7f800000ULL + (n) * 0x200000ULL)
#define COMM_REGION_IPA		0x80000000ULL
#define SHMEM_BLOCK		0x7fa00000ULL
#define SHMEM			0x7faf0000ULL
#define ECAM			0x08e00000ULL
#define DEVICES_START		0x08000000ULL
#define DEVICES_END		0x0a000000ULL
#define UART			0x09000000ULL
#define GICD			0x08000000ULL
#define GICR			0x080a0000ULL
#define GICC			0x08010000ULL
#define GICR_STRIDE		0x20000
#define BLOCK			0x200000ULL
#define INTX_LINE(cell)		(136 + (cell))

#define ESR_EC_HVC64		0x16
#define ESR_EC_SMC64		0x17
#define ESR_EC_DABT_LOW		0x24
#define ESR_ISV			(1U << 24)
#define ESR_WNR			(1U << 6)
#define PSCI_CPU_ON_32		0x84000003ULL
#define PSCI_CPU_ON_64		0xc4000003ULL
#define HC_DEBUG_CONSOLE_PUTC	8
#define JAILHOUSE_MSG_SHUTDOWN_REQUEST		1
#define JAILHOUSE_MSG_RECONFIG_COMPLETED	2
#define ENOSYS			38

u8 host_stacks[8][1 << 13] __attribute__((aligned(16)));
extern char secondary_el2[];

static u64 level1[2][512] __attribute__((aligned(4096)));
static u64 level2[2][4][512] __attribute__((aligned(4096)));
static unsigned int level2_used[2];

static u32 bar0[2], int_control[2];

static void uart_putc(char c)
{
	while (REG32(UART + 0x18) & (1 << 5))
		;
	REG32(UART) = (u8)c;
}

static void print(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			uart_putc('\r');
		uart_putc(*s);
	}
}

static void print_hex(u64 value)
{
	int shift = 60;

	print("0x");
	while (shift > 0 && !(value >> shift))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		uart_putc("0123456789abcdef"[(value >> shift) & 0xf]);
}

static unsigned int cell_count(void)
{
	return REG32(MODE_ADDRESS) == MODE_TWO_CELLS ? 2 : 1;
}

static int gic_v2(void)
{
	return REG32(GIC_VERSION_ADDRESS) == 2;
}

static unsigned int this_cpu(void)
{
	return (unsigned int)(read_sysreg(mpidr_el1) & 0xff);
}

static unsigned int this_cell(void)
{
	return cell_count() == 1 ? 0 : this_cpu();
}

/* Stage 2: 2 MiB blocks, normal write-back memory or Device-nGnRnE, read-write. */
static void map(unsigned int cell, u64 ipa, u64 pa, int device)
{
	u64 *table = &level1[cell][ipa >> 30];

	if (!*table)
		*table = (u64)level2[cell][level2_used[cell]++] | 3;
	((u64 *)(*table & ~0xfffULL))[(ipa >> 21) & 511] =
		pa | 1 | (device ? 0 : 0xfULL << 2) | 3 << 6 | 3 << 8 | 1 << 10;
}

static void write_comm_region(unsigned int cell)
{
	volatile u8 *comm = (volatile u8 *)CELL_COMM(cell);
	unsigned int n;

	for (n = 0; n < 4096; n++)
		comm[n] = 0;
	for (n = 0; n < 6; n++)
		comm[n] = (u8)"JHCOMM"[n];
	*(volatile u16 *)(comm + 6) = 2;		/* ABI revision */
	*(volatile u32 *)(comm + 20) = 1;		/* debug console permitted */
	*(volatile u64 *)(comm + 24) = UART;		/* console: PL011, MMIO, 32-bit */
	*(volatile u32 *)(comm + 32) = 0x1000;
	*(volatile u16 *)(comm + 36) = 3;
	*(volatile u16 *)(comm + 38) = 3;
	if (cell_count() == 2)
		*(volatile u64 *)(comm + 56) = ECAM;
	comm[64] = gic_v2() ? 2 : 3;
	*(volatile u64 *)(comm + 72) = GICD;
	*(volatile u64 *)(comm + 80) = gic_v2() ? GICC : 0;
	*(volatile u64 *)(comm + 88) = gic_v2() ? 0 : GICR;
	*(volatile u32 *)(comm + 96) = INTX_LINE(cell) - 32;
}

static void set_up_cell(unsigned int cell)
{
	u64 block;

	map(cell, 0, CELL_RAM(cell), 0);
	for (block = DEVICES_START; block < DEVICES_END; block += BLOCK)
		if (block != (ECAM & ~(BLOCK - 1)) || cell_count() == 1)
			map(cell, block, block, 1);
	map(cell, SHMEM_BLOCK, SHMEM_BLOCK, 0);
	map(cell, COMM_REGION_IPA, CELL_COMM(cell), 0);
	write_comm_region(cell);
}

static long smc(u64 function, u64 arg1, u64 arg2, u64 arg3)
{
	register u64 x0 asm("x0") = function;
	register u64 x1 asm("x1") = arg1;
	register u64 x2 asm("x2") = arg2;
	register u64 x3 asm("x3") = arg3;

	asm volatile("smc #0" : "+r" (x0), "+r" (x1), "+r" (x2), "+r" (x3) : :
		     "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12",
		     "x13", "x14", "x15", "x16", "x17", "memory");
	return (long)x0;
}

/*
 * The driver's side of the message protocol, as Jailhouse runs it when a
 * cell is reconfigured around and then shut down twice: clear the reply,
 * post the message, wait for an answer, report it.
 */
static u32 exchange(u32 message)
{
	volatile u32 *comm = (volatile u32 *)CELL_COMM(0);
	u32 reply;

	comm[4] = 0;			/* reply_from_cell */
	asm volatile("dmb ish" : : : "memory");
	comm[3] = message;		/* msg_to_cell */
	while (!(reply = comm[4]))
		;
	print("host: message ");
	print_hex(message);
	print(" answered ");
	print_hex(reply);
	print(", cell state ");
	print_hex(comm[2]);
	print("\n");
	return reply;
}

static void __attribute__((noreturn)) send_messages(void)
{
	exchange(JAILHOUSE_MSG_RECONFIG_COMPLETED);
	exchange(JAILHOUSE_MSG_SHUTDOWN_REQUEST);
	exchange(JAILHOUSE_MSG_SHUTDOWN_REQUEST);
	for (;;)
		asm volatile("wfi");
}

void host_cpu_init(u64 cpu);
void host_cpu_init(u64 cpu)
{
	unsigned int n;

	if (cpu == 0) {
		for (n = 0; n < cell_count(); n++)
			set_up_cell(n);
		for (n = 0; n < 3; n++)
			REG32(SHMEM + 4 * n) = 0;	/* the state table */
		if (gic_v2()) {
			REG32(GICD) = 1;	/* distributor on; interrupts stay group 0 */
		} else {
			for (n = 1; n < 32; n++)
				REG32(GICD + 0x80 + 4 * n) = 0xffffffff;	/* SPIs: group 1 */
			REG32(GICD) = 0x13;	/* distributor on: ARE, group 0 and 1 */
		}
		print("host: starting ");
		print(cell_count() == 2 ? "two cells\n" : "one cell\n");
		if (REG32(MODE_ADDRESS) == MODE_TWO_CELLS)
			smc(PSCI_CPU_ON_64, 1, (u64)secondary_el2, 0);
		if (REG32(MODE_ADDRESS) == MODE_MESSAGES)
			smc(PSCI_CPU_ON_64, 1, (u64)secondary_el2, 0);
	} else if (REG32(MODE_ADDRESS) == MODE_MESSAGES) {
		send_messages();
	}
	if (!gic_v2())
		REG32(GICR + cpu * GICR_STRIDE + 0x10080) = 0xffffffff;	/* SGIs, PPIs: group 1 */

	/* 39-bit IPA from level 1, 4 KiB granule, cacheable walks, 40-bit PA */
	write_sysreg(vtcr_el2, 25 | 1 << 6 | 1 << 8 | 1 << 10 | 3 << 12 | 2ULL << 16 | 1ULL << 31);
	write_sysreg(vttbr_el2, (u64)level1[this_cell()]);
	write_sysreg(hcr_el2, 1ULL << 0 | 1ULL << 19 | 1ULL << 31);	/* VM, TSC, RW */
	write_sysreg(cnthctl_el2, 3);
	write_sysreg(cntvoff_el2, 0);
	write_sysreg(cptr_el2, 0x33ff);
	if (!gic_v2()) {
		write_sysreg(S3_4_C12_C9_5, 0xf);	/* ICC_SRE_EL2: system registers, EL1 too */
		asm volatile("isb");
		write_sysreg(S3_0_C12_C12_5, 7);	/* ICC_SRE_EL1 */
	}
	write_sysreg(sctlr_el1, 0x30d00800);	/* reset value: MMU and caches off */
	asm volatile("isb");
}

void host_unexpected(void);
void host_unexpected(void)
{
	print("host: unexpected exception at EL2, ESR ");
	print_hex(read_sysreg(esr_el2));
	print("\n");
}

static void __attribute__((noreturn)) park(const char *what, u64 address, const char *detail)
{
	print("host: cell ");
	uart_putc((char)('0' + this_cell()));
	print(": ");
	print(what);
	print_hex(address);
	print(", PC ");
	print_hex(read_sysreg(elr_el2));
	print(detail);
	for (;;)
		asm volatile("wfi");
}

static void raise_intx(unsigned int cell)
{
	unsigned int line = INTX_LINE(cell);

	if (int_control[cell])
		REG32(GICD + 0x200 + (line / 32) * 4) = 1U << (line % 32);
}

static u32 config_read(unsigned int cell, u32 offset)
{
	switch (offset & ~3U) {
	case 0x00: return 0x4106110a;		/* device, vendor */
	case 0x04: return 0x00100000;		/* capability list */
	case 0x08: return 0xff000000;		/* class "other", protocol 0 */
	case 0x10: return bar0[cell];
	case 0x34: return 0x40;			/* first capability */
	case 0x3c: return 1 << 8;		/* INTx pin A */
	case 0x40: return 0x20 << 16 | 0x09;	/* vendor capability, last */
	case 0x44: return 0x1000;		/* state table size */
	case 0x48: return 0x9000;		/* R/W section size */
	case 0x50: return 0x2000;		/* output section size */
	case 0x58: return (u32)SHMEM;		/* shared memory address */
	default: return 0;
	}
}

static u64 ivshmem_register(unsigned int cell, u32 reg, int write, u64 value)
{
	unsigned int peer = cell + 1, target;

	switch (reg) {
	case 0x00:
		return peer;
	case 0x04:
		return 3;
	case 0x08:
		if (write)
			int_control[cell] = value & 1;
		return int_control[cell];
	case 0x0c:
		target = (unsigned int)(value >> 16);
		if (write && target >= 1 && target <= 2)
			raise_intx(target - 1);
		return 0;
	case 0x10:
		if (write) {
			REG32(SHMEM + 4 * peer) = (u32)value;
			raise_intx(1 - cell);
		}
		return REG32(SHMEM + 4 * peer);
	default:
		return 0;
	}
}

/* Emulates the trapped access, or parks the cell's CPU. */
static void data_abort(u64 *regs, u32 esr)
{
	unsigned int cell = this_cell();
	u64 ipa = (read_sysreg(hpfar_el2) >> 4) << 12 | (read_sysreg(far_el2) & 0xfff);
	unsigned int rt = (esr >> 16) & 31, size = 1U << ((esr >> 22) & 3);
	int write = (esr & ESR_WNR) != 0;
	u64 value = write && rt != 31 ? regs[rt] : 0;

	if (!(esr & ESR_ISV))
		park("stage-2 fault at IPA ", ipa, " (no syndrome)\n");
	if (cell_count() == 2 && ipa >= ECAM && ipa < ECAM + 0x100000) {
		u32 offset = ipa & 0xfff;

		if ((ipa - ECAM) >> 12)
			value = ~0ULL;			/* no other device */
		else if (write && offset == 0x10)
			bar0[cell] = (u32)value;
		else if (!write)
			value = config_read(cell, offset) >> (offset & 3) * 8;
	} else if (cell_count() == 2 && bar0[cell] && ipa >= bar0[cell] && ipa < bar0[cell] + 0x1000) {
		value = ivshmem_register(cell, (u32)(ipa - bar0[cell]), write, value);
	} else {
		park("stage-2 fault at IPA ", ipa, write ? ", write\n" : ", read\n");
	}
	if (!write && rt != 31)
		regs[rt] = size == 8 ? value : value & ((1ULL << size * 8) - 1);
	write_sysreg(elr_el2, read_sysreg(elr_el2) + 4);
}

void host_trap(u64 *regs);
void host_trap(u64 *regs)
{
	u32 esr = (u32)read_sysreg(esr_el2);

	switch (esr >> 26) {
	case ESR_EC_HVC64:
		if ((esr & 0xffff) == 0x4a48 && regs[0] == HC_DEBUG_CONSOLE_PUTC) {
			uart_putc((char)regs[1]);
			regs[0] = 0;
		} else {
			regs[0] = (u64)-ENOSYS;
		}
		break;
	case ESR_EC_SMC64:
		write_sysreg(elr_el2, read_sysreg(elr_el2) + 4);
		if (regs[0] == PSCI_CPU_ON_32 || regs[0] == PSCI_CPU_ON_64)
			regs[0] = (u64)smc(regs[0], regs[1], (u64)secondary_el2, regs[2]);
		else
			regs[0] = (u64)smc(regs[0], regs[1], regs[2], regs[3]);
		break;
	case ESR_EC_DABT_LOW:
		data_abort(regs, esr);
		break;
	default:
		park("unexpected trap, ESR ", esr, "\n");
	}
}
