/*
 * PCI configuration space through the hypervisor's virtual ECAM at the
 * communication region's pci_mmconfig_base (bus 0, devices 0-31).
 */
#ifndef INMATE_PCI_H
#define INMATE_PCI_H

#include "types.h"

#define PCI_VENDOR_ID		0x00
#define PCI_DEVICE_ID		0x02
#define PCI_COMMAND		0x04
#define  PCI_COMMAND_MEMORY	0x0002
#define  PCI_COMMAND_MASTER	0x0004
#define  PCI_COMMAND_INTX_OFF	0x0400
#define PCI_STATUS		0x06
#define  PCI_STATUS_CAPS	0x0010
#define PCI_CLASS_REVISION	0x08
#define PCI_BAR0		0x10
#define PCI_CAPS		0x34
#define PCI_INTERRUPT_PIN	0x3d

#define PCI_CAP_VENDOR		0x09
#define PCI_CAP_MSIX		0x11

#define PCI_BDF(bus, dev, fn)	(((bus) << 8) | ((dev) << 3) | (fn))

/* Maps the configuration space; false when the cell has no PCI. */
bool pci_init(void);

u32 pci_read_config(u16 bdf, unsigned int offset, unsigned int size);
void pci_write_config(u16 bdf, unsigned int offset, u32 value, unsigned int size);

/* The first device at or after start_bdf with these IDs, or -1. */
int pci_find_device(u16 vendor, u16 device, u16 start_bdf);
/* The offset of capability id in the device's list, or -1. */
int pci_find_cap(u16 bdf, u8 id);

#endif
