package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Dumps;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.MemoryRegion;
import java.util.List;

/** Upstream's second check: a cell mapping the hypervisor's own memory. */
final class HypervisorOverlap extends NamedCheck {
    HypervisorOverlap() {
        super("hypervisor-overlap", "Overlapping memory regions with hypervisor");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        MemoryRegion hv = set.system().hypervisorMemory();
        return Resource.mappedBy(set, List.of(new Resource("hypervisor memory region", hv.physStart(), hv.size(),
                Dumps.region(hv), "leave the hypervisor memory out of the region: no cell may reach it")));
    }
}
