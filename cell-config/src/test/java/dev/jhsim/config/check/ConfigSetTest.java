package dev.jhsim.config.check;

import static dev.jhsim.config.check.TestSets.arm64Cell;
import static dev.jhsim.config.check.TestSets.arm64System;
import static dev.jhsim.config.check.TestSets.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sets that cannot run on one hypervisor are refused with upstream's one-line messages. */
class ConfigSetTest {
    private static String refusal(String system, String cell) {
        return assertThrows(ConfigSetException.class, () -> ConfigSet.of(CheckInput.of("a.json", parse(system)),
                List.of(CheckInput.of("b.json", parse(cell))), null)).getMessage();
    }

    @Test
    void aCellIsNoSystemConfiguration() {
        assertEquals("Not a root cell configuration: a.json", refusal(arm64Cell("x", ""), arm64Cell("y", "")));
    }

    @Test
    void aSystemIsNoCellConfiguration() {
        assertEquals("Not a cell configuration: b.json", refusal(arm64System(), arm64System()));
    }

    @Test
    void allCellsAreForTheSystemsArchitecture() {
        String armCell = arm64Cell("x", "").replace("\"arm64\"", "\"arm\"");
        assertEquals("Cell architecture mismatch: arm: b.json", refusal(arm64System(), armCell));
    }

    @Test
    void allFilesHaveTheSystemsLayout() {
        String v13Cell = arm64Cell("x", "").replace("\"architecture\": \"arm64\"", "\"layout\": \"v13\"");
        assertEquals("Configuration layout mismatch: revision 13, the system configuration is revision 14"
                + " (upstream): b.json", refusal(arm64System(), v13Cell));
    }

    @Test
    void revision13SetsNameTheirArchitectureFamily() throws Exception {
        String v13System = arm64System().replace("\"architecture\": \"arm64\"", "\"layout\": \"v13\"");
        ConfigSet set = ConfigSet.of(CheckInput.of("a.json", parse(v13System)), List.of(), null);
        assertEquals("arm/arm64", set.architecture());
    }
}
