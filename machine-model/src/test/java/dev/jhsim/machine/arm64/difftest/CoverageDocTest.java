package dev.jhsim.machine.arm64.difftest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.fixtures.Repo;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** docs/isa-coverage.md lists every class of the differential suite. */
class CoverageDocTest {
    @Test
    void everyClassIsDocumented() throws IOException {
        String doc = Files.readString(Repo.path("docs/isa-coverage.md"));
        for (InstructionClass cls : InstructionClasses.all()) {
            assertTrue(doc.contains("| " + cls.name() + " | " + cls.covers() + " |"),
                    "docs/isa-coverage.md does not list the class '" + cls.name() + "' as it is tested");
        }
    }
}
