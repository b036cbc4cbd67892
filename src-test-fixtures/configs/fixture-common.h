/*
 * Helpers that let one fixture source compile for every layout: the
 * architecture field only exists from revision 14 on, and revision 12 keeps
 * the IOMMU units inside the architecture part of the platform info.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#if JAILHOUSE_CONFIG_REVISION >= 14
#define ARCHITECTURE(a)		.architecture = a,
#else
#define ARCHITECTURE(a)
#endif

#if JAILHOUSE_CONFIG_REVISION == 12
#define IOMMU_UNITS_OUTSIDE(...)
#define IOMMU_UNITS_INSIDE(...)	.iommu_units = { __VA_ARGS__ },
#else
#define IOMMU_UNITS_OUTSIDE(...) .iommu_units = { __VA_ARGS__ },
#define IOMMU_UNITS_INSIDE(...)
#endif

#ifdef JHSIM_MINERVASYS
#define MINERVA(...)		__VA_ARGS__
#else
#define MINERVA(...)
#endif

#if JAILHOUSE_CONFIG_REVISION >= 13
#define REV13(...)		__VA_ARGS__
#else
#define REV13(...)
#endif
