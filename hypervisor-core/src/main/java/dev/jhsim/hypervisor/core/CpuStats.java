package dev.jhsim.hypervisor.core;

import java.util.List;

/**
 * The per-CPU statistics counters, by upstream's index
 * ({@code JAILHOUSE_CPU_STAT_*}, generic then arm64) and sysfs name.
 */
public final class CpuStats {
    public static final int VMEXITS_TOTAL = 0;
    public static final int VMEXITS_MMIO = 1;
    public static final int VMEXITS_MANAGEMENT = 2;
    public static final int VMEXITS_HYPERCALL = 3;
    public static final int VMEXITS_MAINTENANCE = 4;
    public static final int VMEXITS_VIRQ = 5;
    public static final int VMEXITS_VSGI = 6;
    public static final int VMEXITS_PSCI = 7;
    public static final int VMEXITS_SMCCC = 8;
    public static final int COUNT = 9;

    /** The sysfs file names, in counter order. */
    public static final List<String> NAMES = List.of("vmexits_total", "vmexits_mmio", "vmexits_management",
            "vmexits_hypercall", "vmexits_maintenance", "vmexits_virt_irq", "vmexits_virt_sgi", "vmexits_psci",
            "vmexits_smccc");

    private CpuStats() {
    }
}
