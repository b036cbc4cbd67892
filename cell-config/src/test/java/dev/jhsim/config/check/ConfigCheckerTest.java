package dev.jhsim.config.check;

import static dev.jhsim.config.check.TestSets.arm64Cell;
import static dev.jhsim.config.check.TestSets.arm64System;
import static dev.jhsim.config.check.TestSets.findings;
import static dev.jhsim.config.check.TestSets.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.config.check.checks.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checker as a whole: the table, upstream's sections and the text report. */
class ConfigCheckerTest {
    private static final String OVERLAP = """
            ,
                {"phys_start": "0x7fa08000", "virt_start": "0x8000", "size": "0x10000", "flags": "READ|WRITE"}""";

    @Test
    void checkIdsAreUniqueAndLowerCase() {
        Set<String> ids = new HashSet<>();
        for (Check check : Checks.ALL) {
            assertTrue(ids.add(check.id()), "duplicate id " + check.id());
            assertTrue(check.id().matches("[a-z0-9-]+"), check.id());
        }
    }

    @Test
    void aCleanSetPrintsEachSectionWithNone() {
        CheckReport report = ConfigChecker.check(set(arm64System(), arm64Cell("demo", "")));
        String text = TextReport.render(report);
        assertTrue(text.startsWith("""
                Reading configuration set:
                  Architecture:  arm64
                  Root cell:     root (system.json)
                  Non-root cell: demo (cell1.json)
                Overlapping memory regions inside cell: None
                Overlapping memory regions with hypervisor: None
                Missing resource interceptions for architecture arm64: None
                Cells with the same name: None
                """), text);
        List<String> sections = text.lines().skip(4).toList();
        assertEquals(report.sections().size(), sections.size());
        assertTrue(sections.stream().allMatch(l -> l.endsWith(": None")), text);
        assertEquals(0, report.exitStatus());
    }

    @Test
    void sectionsOfChecksThatDoNotApplyAreLeftOut() {
        CheckReport report = ConfigChecker.check(set(arm64System()));
        List<String> ids = report.sections().stream().map(CheckReport.Section::id).toList();
        // No MMCONFIG window, no IOMMU, no board: as upstream, those sections are not printed;
        // nor is the port I/O check on ARM.
        assertFalse(ids.contains("mmconfig-interception"));
        assertFalse(ids.contains("iommu-interception"));
        assertFalse(ids.contains("root-pio"));
        assertTrue(ids.contains("ivshmem-irq"));
        assertTrue(ids.stream().noneMatch(id -> id.startsWith("board-")));
        CheckReport withBoth = ConfigChecker.check(set(arm64System("", """
                "pci_mmconfig_base": "0x8e00000", "iommu_units": [{"type": "SMMUV3", "base": "0x9050000",
                "size": "0x20000"}], """)));
        List<String> both = withBoth.sections().stream().map(CheckReport.Section::id).toList();
        assertTrue(both.containsAll(List.of("mmconfig-interception", "iommu-interception")), both.toString());
    }

    @Test
    void findingsArePrintedAsUpstreamPrintsThemWithAHint() {
        CheckReport report = ConfigChecker.check(set(arm64System(), arm64Cell("demo", OVERLAP)));
        String text = TextReport.render(report);
        assertTrue(text.contains("""
                Overlapping memory regions inside cell:

                In cell 'demo', region 0
                  phys_start: 0x000000007fa00000
                  virt_start: 0x0000000000000000
                  size:       0x0000000000010000
                  flags:      JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE
                physically and virtually overlaps with region 2
                  phys_start: 0x000000007fa08000
                  virt_start: 0x0000000000008000
                  size:       0x0000000000010000
                  flags:      JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE
                hint: shrink, split or remove one of the regions so that each address is mapped once

                Overlapping memory regions with hypervisor: None
                """), text);
        assertEquals(1, report.exitStatus());
    }

    @Test
    void unknownFlagBitsAreShownInHex() {
        assertEquals("JAILHOUSE_MEM_READ | 0x1000 | JAILHOUSE_MEM_IO_32", Dumps.flags(0x1 | 0x1000 | 0x40000));
        assertEquals("", Dumps.flags(0));
    }

    @Test
    void anUnknownGicVersionIsAFindingNotACrash() {
        String system = arm64System().replace("\"gic_version\": 3", "\"gic_version\": 4");
        List<Finding> found = findings(ConfigChecker.check(set(system)), "arch-interception");
        assertEquals(1, found.size());
        assertEquals("GIC version 4 is unknown", found.get(0).problem());
        assertEquals(Element.PLATFORM_INFO, found.get(0).element());
    }

    @Test
    void x86InterceptsTheXapicAndTheRootCellsIoapics() {
        String system = """
                {
                  "kind": "system", "architecture": "x86",
                  "hypervisor_memory": {"phys_start": "0x3a000000", "size": "0x600000"}, "debug_console": {},
                  "platform_info": {"x86": {}},
                  "root_cell": {
                    "name": "root", "cpus": "0-3",
                    "memory_regions": [
                      {"phys_start": "0xfec00000", "virt_start": "0xfec00000", "size": "0x1000",
                       "flags": "READ|WRITE|IO"},
                      {"phys_start": "0xfee00000", "virt_start": "0xfee00000", "size": "0x1000",
                       "flags": "READ|WRITE|IO"}
                    ],
                    "irqchips": [{"address": "0xfec00000", "id": "0xff00", "pin_bitmap": ["0xffffff", "0", "0", "0"]}]
                  }
                }
                """;
        CheckReport report = ConfigChecker.check(set(system));
        List<String> ids = report.sections().stream().map(CheckReport.Section::id).toList();
        assertTrue(ids.contains("root-pio"));
        assertFalse(ids.contains("ivshmem-irq"));
        assertEquals("Missing resource interceptions for architecture x86", report.sections().stream()
                .filter(s -> s.id().equals("arch-interception")).findFirst().orElseThrow().title());
        List<String> problems = findings(report, "arch-interception").stream()
                .map(f -> f.element() + ": " + f.problem()).toList();
        assertEquals(List.of("region 0: overlaps with IOAPIC", "region 1: overlaps with xAPIC"), problems);
    }

    @Test
    void findingsNameTheCellsInTheOrderGiven() {
        CheckReport report = ConfigChecker.check(set(arm64System(), arm64Cell("first", ""),
                arm64Cell("second", "")));
        List<String> overlaps = findings(report, "cell-overlap").stream()
                .map(f -> f.cell() + " " + f.element() + ": " + f.problem()).toList();
        assertEquals(List.of("second region 0: physically overlaps with region 0 of cell 'first' and not both"
                + " are ROOTSHARED"), overlaps);
        List<String> cpus = findings(report, "cpu-shared").stream().map(Finding::problem).toList();
        assertEquals(List.of("CPU 1 also in cell 'first'"), cpus);
    }

    @Test
    void theSameInputGivesTheSameReport() {
        ConfigSet set = set(arm64System(), arm64Cell("first", OVERLAP), arm64Cell("second", ""));
        String text = TextReport.render(ConfigChecker.check(set));
        String json = JsonReport.render(ConfigChecker.check(set));
        String junit = JunitReport.render(ConfigChecker.check(set));
        for (int i = 0; i < 3; i++) {
            assertEquals(text, TextReport.render(ConfigChecker.check(set)));
            assertEquals(json, JsonReport.render(ConfigChecker.check(set)));
            assertEquals(junit, JunitReport.render(ConfigChecker.check(set)));
        }
    }
}
