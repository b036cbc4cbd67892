package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.Check;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.IrqChip;
import dev.jhsim.config.model.PlatformInfo.ArmPlatform;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's check that no cell maps the interrupt controller registers the
 * hypervisor emulates: GICD and GICC/GICH/GICV (GICv2) or GICD and GICR
 * (GICv3) on ARM, the xAPIC and the root cell's IOAPICs on x86.
 */
final class ArchInterception implements Check {
    @Override
    public String id() {
        return "arch-interception";
    }

    @Override
    public String title(ConfigSet set) {
        return "Missing resource interceptions for architecture " + set.architecture();
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        if (!set.isArm()) {
            List<Resource> resources = new ArrayList<>();
            resources.add(emulated("xAPIC", 0xfee00000L, 0x1000));
            for (IrqChip chip : set.root().cell().irqchips()) {
                resources.add(emulated("IOAPIC", chip.address(), 0x1000));
            }
            return Resource.mappedBy(set, resources);
        }
        ArmPlatform gic = set.system().platform().arm();
        return switch (gic.gicVersion()) {
            case 2 -> Resource.mappedBy(set, List.of(emulated("GICD", gic.gicdBase(), 0x1000),
                    emulated("GICC", gic.giccBase(), 0x2000), emulated("GICH", gic.gichBase(), 0x2000),
                    emulated("GICV", gic.gicvBase(), 0x2000)));
            case 3 -> Resource.mappedBy(set, List.of(emulated("GICD", gic.gicdBase(), 0x10000),
                    emulated("GICR", gic.gicrBase(), 0x20000)));
            default -> List.of(set.root().finding(Element.PLATFORM_INFO,
                    "GIC version " + gic.gicVersion() + " is unknown",
                    "set platform_info.arm.gic_version to 2 or 3, the version of the board's GIC"));
        };
    }

    private static Resource emulated(String name, long start, long size) {
        return Resource.of(name, start, size, "leave the " + name + " out of the region: the hypervisor emulates it");
    }
}
