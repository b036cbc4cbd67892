package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.IommuUnit;
import java.util.List;

/** Upstream's check that no cell maps the registers of an IOMMU the hypervisor drives. */
final class IommuInterception extends NamedCheck {
    IommuInterception() {
        super("iommu-interception", "Missing IOMMU interceptions");
    }

    @Override
    public boolean appliesTo(ConfigSet set) {
        return !units(set).isEmpty();
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        return Resource.mappedBy(set, units(set).stream()
                .map(u -> Resource.of("IOMMU", u.base(), u.size(),
                        "leave the IOMMU registers out of the region: the hypervisor owns the IOMMU"))
                .toList());
    }

    private static List<IommuUnit> units(ConfigSet set) {
        return set.system().platform().iommuUnits().stream().filter(u -> u.type() != 0).toList();
    }
}
