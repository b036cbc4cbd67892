package dev.jhsim.config.model;

import static dev.jhsim.config.model.Ranges.u16;
import static dev.jhsim.config.model.Ranges.u32;
import static dev.jhsim.config.model.Ranges.u8;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code platform_info} block of the system configuration: PCI, IOMMU
 * units and the architecture-specific part (exactly one of {@code x86} and
 * {@code arm}). The MinervaSys fields ({@code noSpectreMitigation},
 * {@code coloring}, {@code memguard}, {@code qos}) are zero/{@code null} in
 * the other layouts.
 */
public record PlatformInfo(long pciMmconfigBase, int pciMmconfigEndBus, int pciIsVirtual, int pciDomain,
        long noSpectreMitigation, List<IommuUnit> iommuUnits, Coloring coloring, MemGuard memguard,
        QosPlatform qos, X86Platform x86, ArmPlatform arm) {

    /** {@code JAILHOUSE_MAX_IOMMU_UNITS}: the array always has this many entries. */
    public static final int MAX_IOMMU_UNITS = 8;

    public PlatformInfo {
        u8(pciMmconfigEndBus, "pci_mmconfig_end_bus");
        u8(pciIsVirtual, "pci_is_virtual");
        u16(pciDomain, "pci_domain");
        u32(noSpectreMitigation, "no_spectre_mitigation");
        List<IommuUnit> units = new ArrayList<>(iommuUnits);
        if (units.size() > MAX_IOMMU_UNITS) {
            throw new IllegalArgumentException(units.size() + " IOMMU units, at most " + MAX_IOMMU_UNITS);
        }
        while (units.size() < MAX_IOMMU_UNITS) {
            units.add(IommuUnit.EMPTY);
        }
        iommuUnits = List.copyOf(units);
        if ((x86 == null) == (arm == null)) {
            throw new IllegalArgumentException("platform info needs exactly one of x86 and arm");
        }
        boolean anyMinerva = coloring != null || memguard != null || qos != null;
        boolean allMinerva = coloring != null && memguard != null && qos != null;
        if (anyMinerva && !allMinerva) {
            throw new IllegalArgumentException("coloring, memguard and qos come together (MinervaSys layout)");
        }
    }

    /** Whether the MinervaSys blocks are present. */
    public boolean hasMinervaBlocks() {
        return coloring != null;
    }

    /** The x86 part of the union. */
    public record X86Platform(int pmTimerAddress, int apicMode, long vtdInterruptLimit, long tscKhz,
            long apicKhz) {
        public static final Symbols APIC_MODES = Symbols.values()
                .with("AUTO", 0).with("XAPIC", 1).with("X2APIC", 2);

        public X86Platform {
            u16(pmTimerAddress, "pm_timer_address");
            u8(apicMode, "apic_mode");
            u32(vtdInterruptLimit, "vtd_interrupt_limit");
            u32(tscKhz, "tsc_khz");
            u32(apicKhz, "apic_khz");
        }
    }

    /** The ARM part of the union (arm and arm64). */
    public record ArmPlatform(int maintenanceIrq, int gicVersion, long gicdBase, long giccBase,
            long gichBase, long gicvBase, long gicrBase) {
        public ArmPlatform {
            u8(maintenanceIrq, "maintenance_irq");
            u8(gicVersion, "gic_version");
        }
    }

    /** MinervaSys {@code struct jailhouse_coloring}. */
    public record Coloring(long waySize, long rootMapOffset) {
    }

    /** MinervaSys {@code struct jailhouse_memguard_config}. */
    public record MemGuard(long numIrqs, long hvTimer, int irqPrioMin, int irqPrioMax, int irqPrioStep,
            int irqPrioThreshold, long numPmuIrq, List<Long> pmuCpuIrq) {
        public static final int MAX_PMU_IRQS = 8;

        public MemGuard {
            u32(numIrqs, "memguard num_irqs");
            u32(hvTimer, "memguard hv_timer");
            u8(irqPrioMin, "memguard irq_prio_min");
            u8(irqPrioMax, "memguard irq_prio_max");
            u8(irqPrioStep, "memguard irq_prio_step");
            u8(irqPrioThreshold, "memguard irq_prio_threshold");
            u32(numPmuIrq, "memguard num_pmu_irq");
            pmuCpuIrq = List.copyOf(pmuCpuIrq);
            if (pmuCpuIrq.size() != MAX_PMU_IRQS) {
                throw new IllegalArgumentException("memguard pmu_cpu_irq has " + pmuCpuIrq.size()
                        + " entries, expected " + MAX_PMU_IRQS);
            }
            for (long irq : pmuCpuIrq) {
                u32(irq, "memguard pmu_cpu_irq entry");
            }
        }
    }

    /** MinervaSys {@code struct jailhouse_qos}: the QoS (NIC-400) register window. */
    public record QosPlatform(long nicBase, long nicSize) {
    }
}
