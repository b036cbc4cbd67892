/* Setting up an ivshmem 2.0 device and using its registers. */
#include "inmate.h"

/* Offsets in the vendor capability */
#define IVSHMEM_CAP_STATE_TABLE_SIZE	0x04
#define IVSHMEM_CAP_RW_SECTION_SIZE	0x08
#define IVSHMEM_CAP_OUTPUT_SECTION_SIZE	0x10
#define IVSHMEM_CAP_ADDRESS		0x18

#define IVSHMEM_REGISTERS_SIZE		0x1000

static u64 read_config64(u16 bdf, unsigned int offset)
{
	return pci_read_config(bdf, offset, 4) | (u64)pci_read_config(bdf, offset + 4, 4) << 32;
}

bool ivshmem_open(struct ivshmem_device *dev, u16 start_bdf, u64 bar_address)
{
	int bdf = pci_find_device(IVSHMEM_VENDOR_ID, IVSHMEM_DEVICE_ID, start_bdf);
	int cap;
	u64 shmem;
	u8 pin;

	if (bdf < 0)
		return false;
	cap = pci_find_cap((u16)bdf, PCI_CAP_VENDOR);
	if (cap < 0)
		return false;
	dev->bdf = (u16)bdf;

	pci_write_config(dev->bdf, PCI_BAR0, (u32)bar_address, 4);
	pci_write_config(dev->bdf, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
	map_range(bar_address, IVSHMEM_REGISTERS_SIZE, MAP_DEVICE);
	dev->registers = (volatile struct ivshmem_registers *)bar_address;
	dev->id = dev->registers->id;
	dev->max_peers = dev->registers->max_peers;

	/* INTx: Jailhouse raises pin P of the cell's devices as SPI vpci_irq_base + P - 1 */
	pin = (u8)pci_read_config(dev->bdf, PCI_INTERRUPT_PIN, 1);
	dev->irq = pin ? 32 + comm_region->vpci_irq_base + pin - 1 : 0;

	dev->state_table_size = pci_read_config(dev->bdf, (unsigned int)cap + IVSHMEM_CAP_STATE_TABLE_SIZE, 4);
	dev->rw_section_size = read_config64(dev->bdf, (unsigned int)cap + IVSHMEM_CAP_RW_SECTION_SIZE);
	dev->output_section_size = read_config64(dev->bdf, (unsigned int)cap + IVSHMEM_CAP_OUTPUT_SECTION_SIZE);
	shmem = read_config64(dev->bdf, (unsigned int)cap + IVSHMEM_CAP_ADDRESS);
	dev->state_table = (volatile u32 *)shmem;
	dev->rw_section = (volatile u8 *)(shmem + dev->state_table_size);
	dev->output_sections = dev->rw_section + dev->rw_section_size;
	map_range(shmem, dev->state_table_size + dev->rw_section_size +
		  dev->max_peers * dev->output_section_size, MAP_CACHED);
	return true;
}

void ivshmem_set_state(struct ivshmem_device *dev, u32 state)
{
	dev->registers->state = state;
}

void ivshmem_enable_interrupts(struct ivshmem_device *dev, bool enable)
{
	dev->registers->int_control = enable;
}

void ivshmem_ring(struct ivshmem_device *dev, u32 peer)
{
	dsb_ishst();	/* what we wrote to shared memory before the doorbell */
	dev->registers->doorbell = peer << 16;	/* vector 0 */
}
