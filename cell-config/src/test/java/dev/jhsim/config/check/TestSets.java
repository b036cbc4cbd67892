package dev.jhsim.config.check;

import dev.jhsim.config.ConfigFormatException;
import dev.jhsim.config.json.JsonForm;
import dev.jhsim.config.model.ConfigFile;
import java.util.ArrayList;
import java.util.List;

/** Small configuration sets for the checker's tests, written as JSON. */
final class TestSets {
    private TestSets() {
    }

    /** An arm64 system (GICv3, RAM 0x40000000-0x7fbfffff, UART at 0x9000000, CPUs 0-3) with extra root fields. */
    static String arm64System(String rootRegions, String extra) {
        return """
                {
                  "kind": "system", "architecture": "arm64",
                  "hypervisor_memory": {"phys_start": "0x7fc00000", "size": "0x400000"}, "debug_console": {},
                  "platform_info": {%s"arm": {"maintenance_irq": 25, "gic_version": 3, "gicd_base": "0x8000000",
                                    "gicr_base": "0x80a0000"}},
                  "root_cell": {
                    "name": "root", "cpus": "0-3",
                    "memory_regions": [
                      {"phys_start": "0x9000000", "virt_start": "0x9000000", "size": "0x1000",
                       "flags": "READ|WRITE|IO"},
                      {"phys_start": "0x40000000", "virt_start": "0x40000000", "size": "0x3fc00000",
                       "flags": "READ|WRITE|EXECUTE|DMA"}%s
                    ],
                    "irqchips": [{"address": "0x8000000", "pin_base": 32,
                                  "pin_bitmap": ["0xffffffff", "0xffffffff", "0xffffffff", "0xffffffff"]}]
                  }
                }
                """.formatted(extra, rootRegions);
    }

    static String arm64System() {
        return arm64System("", "");
    }

    /** An arm64 non-root cell on CPU 1 with RAM at 0x7fa00000 and a comm region, with extra regions. */
    static String arm64Cell(String name, String extraRegions) {
        return """
                {
                  "kind": "cell", "architecture": "arm64", "name": "%s", "cpus": "1",
                  "memory_regions": [
                    {"phys_start": "0x7fa00000", "virt_start": "0x0", "size": "0x10000",
                     "flags": "READ|WRITE|EXECUTE|LOADABLE"},
                    {"virt_start": "0x80000000", "size": "0x1000", "flags": "READ|WRITE|COMM_REGION"}%s
                  ]
                }
                """.formatted(name, extraRegions);
    }

    static ConfigFile parse(String json) {
        try {
            return JsonForm.fromJson(json);
        } catch (ConfigFormatException e) {
            throw new AssertionError("test configuration does not parse: " + e.getMessage(), e);
        }
    }

    /** The set of {@code system} and {@code cells}, named system.json, cell1.json, ... without a board. */
    static ConfigSet set(String system, String... cells) {
        List<CheckInput> inputs = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            inputs.add(CheckInput.of("cell" + (i + 1) + ".json", parse(cells[i])));
        }
        try {
            return ConfigSet.of(CheckInput.of("system.json", parse(system)), inputs, null);
        } catch (ConfigSetException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The findings of check {@code id} in {@code report}; fails if the check did not run. */
    static List<Finding> findings(CheckReport report, String id) {
        return report.sections().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("check " + id + " did not run")).findings();
    }
}
