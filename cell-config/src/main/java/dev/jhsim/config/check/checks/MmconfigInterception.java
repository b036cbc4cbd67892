package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.PlatformInfo;
import java.util.List;

/** Upstream's check that no cell maps the PCI configuration space the hypervisor emulates. */
final class MmconfigInterception extends NamedCheck {
    MmconfigInterception() {
        super("mmconfig-interception", "Missing PCI MMCONFIG interceptions");
    }

    @Override
    public boolean appliesTo(ConfigSet set) {
        return set.system().platform().pciMmconfigBase() != 0;
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        PlatformInfo p = set.system().platform();
        long size = (p.pciMmconfigEndBus() + 1L) * 256 * 4096;
        return Resource.mappedBy(set, List.of(Resource.of("MMCONFIG", p.pciMmconfigBase(), size,
                "leave the MMCONFIG window out of the region: the hypervisor emulates PCI configuration space")));
    }
}
