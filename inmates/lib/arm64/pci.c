/* PCI configuration access through the (virtual) ECAM window, bus 0. */
#include "inmate.h"

#define ECAM_BUS_SIZE	0x100000	/* 32 devices x 8 functions x 4 KiB */
#define BUS0_FUNCTIONS	256
#define MAX_CAPS	48

static u64 ecam;

bool pci_init(void)
{
	ecam = comm_region->pci_mmconfig_base;
	if (ecam)
		map_range(ecam, ECAM_BUS_SIZE, MAP_DEVICE);
	return ecam != 0;
}

u32 pci_read_config(u16 bdf, unsigned int offset, unsigned int size)
{
	u64 address = ecam + ((u64)bdf << 12) + offset;

	if (!ecam)
		return 0xffffffff;
	switch (size) {
	case 1:
		return mmio_read8(address);
	case 2:
		return mmio_read16(address);
	default:
		return mmio_read32(address);
	}
}

void pci_write_config(u16 bdf, unsigned int offset, u32 value, unsigned int size)
{
	u64 address = ecam + ((u64)bdf << 12) + offset;

	if (!ecam)
		return;
	switch (size) {
	case 1:
		mmio_write8(address, (u8)value);
		break;
	case 2:
		mmio_write16(address, (u16)value);
		break;
	default:
		mmio_write32(address, value);
		break;
	}
}

int pci_find_device(u16 vendor, u16 device, u16 start_bdf)
{
	unsigned int bdf;

	for (bdf = start_bdf; bdf < BUS0_FUNCTIONS; bdf++)
		if (pci_read_config((u16)bdf, PCI_VENDOR_ID, 2) == vendor &&
		    pci_read_config((u16)bdf, PCI_DEVICE_ID, 2) == device)
			return (int)bdf;
	return -1;
}

int pci_find_cap(u16 bdf, u8 id)
{
	unsigned int position, n;

	if (!(pci_read_config(bdf, PCI_STATUS, 2) & PCI_STATUS_CAPS))
		return -1;
	position = pci_read_config(bdf, PCI_CAPS, 1);
	for (n = 0; n < MAX_CAPS && position; n++) {
		if (pci_read_config(bdf, position, 1) == id)
			return (int)position;
		position = pci_read_config(bdf, position + 1, 1);
	}
	return -1;
}
