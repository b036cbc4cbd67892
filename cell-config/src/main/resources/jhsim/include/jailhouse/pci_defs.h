/*
 * jhsim: PCI capability IDs used in configuration sources.
 */
#ifndef JHSIM_JAILHOUSE_PCI_DEFS_H
#define JHSIM_JAILHOUSE_PCI_DEFS_H

/* Standard capabilities */
#define PCI_CAP_ID_PM			0x01
#define PCI_CAP_ID_VPD			0x03
#define PCI_CAP_ID_MSI			0x05
#define PCI_CAP_ID_HT			0x08
#define PCI_CAP_ID_VNDR			0x09
#define PCI_CAP_ID_DBG			0x0A
#define PCI_CAP_ID_SSVID		0x0D
#define PCI_CAP_ID_SECDEV		0x0F
#define PCI_CAP_ID_EXP			0x10
#define PCI_CAP_ID_MSIX			0x11
#define PCI_CAP_ID_SATA			0x12
#define PCI_CAP_ID_AF			0x13

/* Extended (PCI Express) capabilities */
#define PCI_EXT_CAP_ID_ERR		0x01
#define PCI_EXT_CAP_ID_VC		0x02
#define PCI_EXT_CAP_ID_DSN		0x03
#define PCI_EXT_CAP_ID_PWR		0x04
#define PCI_EXT_CAP_ID_RCLD		0x05
#define PCI_EXT_CAP_ID_RCILC		0x06
#define PCI_EXT_CAP_ID_RCEC		0x07
#define PCI_EXT_CAP_ID_MFVC		0x08
#define PCI_EXT_CAP_ID_VC9		0x09
#define PCI_EXT_CAP_ID_RCRB		0x0A
#define PCI_EXT_CAP_ID_VNDR		0x0B
#define PCI_EXT_CAP_ID_CAC		0x0C
#define PCI_EXT_CAP_ID_ACS		0x0D
#define PCI_EXT_CAP_ID_ARI		0x0E
#define PCI_EXT_CAP_ID_ATS		0x0F
#define PCI_EXT_CAP_ID_SRIOV		0x10
#define PCI_EXT_CAP_ID_MRIOV		0x11
#define PCI_EXT_CAP_ID_MCAST		0x12
#define PCI_EXT_CAP_ID_PRI		0x13
#define PCI_EXT_CAP_ID_AMD_XXX		0x14
#define PCI_EXT_CAP_ID_REBAR		0x15
#define PCI_EXT_CAP_ID_DPA		0x16
#define PCI_EXT_CAP_ID_TPH		0x17
#define PCI_EXT_CAP_ID_LTR		0x18
#define PCI_EXT_CAP_ID_SECPCI		0x19
#define PCI_EXT_CAP_ID_PMUX		0x1A
#define PCI_EXT_CAP_ID_PASID		0x1B
#define PCI_EXT_CAP_ID_DPC		0x1D
#define PCI_EXT_CAP_ID_L1SS		0x1E
#define PCI_EXT_CAP_ID_PTM		0x1F

#endif
