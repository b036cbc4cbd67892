package dev.jhsim.config.check;

import java.util.List;

/** The outcome of checking a set: one section per check that applied, in table order. */
public record CheckReport(ConfigSet set, List<Section> sections) {

    /** The findings of one check. */
    public record Section(String id, String title, List<Finding> findings) {
        public Section {
            findings = List.copyOf(findings);
        }
    }

    public CheckReport {
        sections = List.copyOf(sections);
    }

    public int findingCount() {
        return sections.stream().mapToInt(s -> s.findings().size()).sum();
    }

    /** Upstream's exit status: 1 on any finding, 0 otherwise. */
    public int exitStatus() {
        return findingCount() == 0 ? 0 : 1;
    }
}
