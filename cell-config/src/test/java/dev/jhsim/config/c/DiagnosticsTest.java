package dev.jhsim.config.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.fixtures.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in configuration sources give one gcc-style error that points at them. */
class DiagnosticsTest {
    @TempDir
    Path dir;

    /** A small but complete cell configuration; {@code %s} marks where a test puts its memory regions. */
    private static final String CELL = """
            #include <jailhouse/types.h>
            #include <jailhouse/cell-config.h>

            struct {
            	struct jailhouse_cell_desc cell;
            	__u64 cpus[1];
            	struct jailhouse_memory mem_regions[2];
            	struct jailhouse_pci_device pci_devices[1];
            } __attribute__((packed)) config = {
            	.cell = {
            		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
            		.architecture = JAILHOUSE_ARM64,
            		.revision = JAILHOUSE_CONFIG_REVISION,
            		.name = "demo",
            		.cpu_set_size = sizeof(config.cpus),
            		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
            		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
            	},
            	.cpus = { 0x2 },
            	.mem_regions = {
            %s
            	},
            	.pci_devices = {
            		{
            			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
            			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
            		},
            	},
            };
            """;

    private static final String REGION = """
            		{
            			.phys_start = 0x7fa00000,
            			.virt_start = 0,
            			.size = 0x10000,
            			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
            		},
            """;

    private CompileException error(String source) throws Exception {
        Path file = dir.resolve("cfg.c");
        Files.writeString(file, source);
        return assertThrows(CompileException.class, () -> ConfigCompiler.compile(file, CompileOptions.DEFAULT));
    }

    private CompileException cellError(String regions) throws Exception {
        return error(CELL.formatted(regions));
    }

    private String file() {
        return dir.resolve("cfg.c").toString();
    }

    @Test
    void theCellCompilesWhenNothingIsWrong() throws Exception {
        Path file = dir.resolve("cfg.c");
        Files.writeString(file, CELL.formatted(REGION + REGION));
        assertEquals(132 + 8 + 2 * 32 + 56, ConfigCompiler.compile(file, CompileOptions.DEFAULT).bytes().length);
    }

    @Test
    void misspeltFlagIsUndeclaredWithASuggestion() throws Exception {
        CompileException e = cellError(REGION + REGION.replace("JAILHOUSE_MEM_READ |", "JAILHOUSE_MEM_RAED |"));
        assertEquals(List.of(
                file() + ":31:34: error: 'JAILHOUSE_MEM_RAED' undeclared here (not in a function);"
                        + " did you mean 'JAILHOUSE_MEM_READ'?",
                "                        .flags = JAILHOUSE_MEM_RAED | JAILHOUSE_MEM_WRITE,",
                "                                 ^~~~~~~~~~~~~~~~~~"), e.lines());
        assertEquals(new SourceLocation(file(), 31, 34), e.location().orElseThrow());
    }

    @Test
    void oneRegionTooManyIsAnExcessElement() throws Exception {
        CompileException e = cellError(REGION + REGION + REGION);
        assertEquals(List.of(
                file() + ":33:17: error: excess elements in array initializer"
                        + " (near initialization for 'config.mem_regions')",
                "                {",
                "                ^"), e.lines());
    }

    @Test
    void unknownFieldNamesTheStructAndSuggests() throws Exception {
        CompileException e = cellError(REGION.replace(".flags =", ".flag ="));
        assertEquals(file() + ":25:26: error: 'struct jailhouse_memory' has no member named 'flag';"
                + " did you mean 'flags'?", e.getMessage());
    }

    @Test
    void valueThatDoesNotFitItsFieldIsAnError() throws Exception {
        CompileException e = error(CELL.formatted(REGION).replace(".type = JAILHOUSE_PCI_TYPE_IVSHMEM,",
                ".type = 0x103,"));
        assertEquals(file() + ":31:33: error: unsigned conversion from 'int' to 'unsigned char' changes value"
                + " from '259' to '3' (near initialization for 'config.pci_devices[0].type')", e.getMessage());
        e = error(CELL.formatted(REGION).replace(".type = JAILHOUSE_PCI_TYPE_IVSHMEM,", ".msi_64bits = 2,"));
        assertEquals(file() + ":31:39: error: unsigned conversion from 'int' to 'unsigned char:1' changes value"
                + " from '2' to '0' (near initialization for 'config.pci_devices[0].msi_64bits')", e.getMessage());
    }

    @Test
    void negativeValuesFitWhereGccAcceptsThem() throws Exception {
        Path file = dir.resolve("cfg.c");
        Files.writeString(file, "struct { unsigned char a; unsigned int b; signed char c; } config = { -1, -1, 255 };");
        assertEquals("ffffffffffffffff", java.util.HexFormat.of().formatHex(
                ConfigCompiler.compile(file, CompileOptions.DEFAULT).bytes()).substring(0, 16).replace("00", "ff"));
        CompileException e = error("struct { unsigned char a; } config = { -129 };");
        assertTrue(e.getMessage().endsWith("error: unsigned conversion from 'int' to 'unsigned char' changes value"
                + " from '-129' to '127' (near initialization for 'config.a')"), e.getMessage());
    }

    @Test
    void nameTooLongForItsArray() throws Exception {
        CompileException e = error(CELL.formatted(REGION).replace("\"demo\"",
                "\"a-name-that-is-longer-than-32-chars\""));
        assertEquals(file() + ":14:25: error: initializer-string for array of 'char' is too long"
                + " (near initialization for 'config.cell.name')", e.getMessage());
    }

    @Test
    void missingIncludePointsAtTheName() throws Exception {
        CompileException e = error("#include <jailhouse/types.h>\n#include <jailhouse/no-such.h>\n");
        assertEquals(List.of(file() + ":2:10: error: jailhouse/no-such.h: No such file or directory",
                "#include <jailhouse/no-such.h>",
                "         ^~~~~~~~~~~~~~~~~~~~~"), e.lines());
    }

    @Test
    void localIncludeIsFoundBesideTheSourceAndErrorsPointIntoIt() throws Exception {
        Files.writeString(dir.resolve("board.h"), "#define BASE 0x1000\n#define BROKEN (1 +)\n");
        CompileException e = error("#include \"board.h\"\nstruct { int a; } config = { BROKEN };\n");
        assertEquals(file() + ":2:30: error: expected expression before ')' token", e.getMessage());
    }

    @Test
    void unterminatedCommentConditionalAndString() throws Exception {
        assertEquals(file() + ":2:1: error: unterminated comment",
                error("int config = 1;\n/* never closed\n").getMessage());
        assertEquals(file() + ":1:2: error: unterminated #ifdef",
                error("#ifdef X\nint config = 1;\n#else\n").getMessage());
        assertEquals(file() + ":1:39: error: missing terminating \" character",
                error("struct { char n[8]; } config = { .n = \"abc, };\n").getMessage());
    }

    @Test
    void errorDirectiveInABundledHeader() throws Exception {
        Path file = dir.resolve("cfg.c");
        Files.writeString(file, "#include <jailhouse/types.h>\n#include <jailhouse/cell-config.h>\n");
        CompileException e = assertThrows(CompileException.class,
                () -> ConfigCompiler.compile(file, CompileOptions.DEFAULT.withDefine("JHSIM_REVISION=15")));
        assertTrue(e.getMessage().matches("<jhsim>/jailhouse/cell-config.h:\\d+:2: error: #error"
                + " \"JHSIM_REVISION must be 12, 13 or 14\""), e.getMessage());
    }

    @Test
    void macroCalledWithTooFewArguments() throws Exception {
        CompileException e = error("#include <jailhouse/types.h>\n#include <jailhouse/cell-config.h>\n"
                + "struct jailhouse_pio config[] = { PIO_RANGE(0x3f8) };\n");
        assertEquals(file() + ":3:35: error: macro \"PIO_RANGE\" requires 2 arguments, but only 1 given",
                e.getMessage());
    }

    @Test
    void designatorsOutsideTheirObject() throws Exception {
        assertEquals(file() + ":1:29: error: array index in initializer exceeds array bounds"
                + " (near initialization for 'config')", error("int config[2] = { [0] = 1, [2] = 3 };").getMessage());
        assertEquals(file() + ":1:28: error: field name not in record or union initializer",
                error("int config[2] = { [0] = 1, .x = 3 };").getMessage());
        assertEquals(file() + ":1:33: error: excess elements in struct initializer (near initialization for"
                + " 'config')", error("struct { int a; } config = { 1, 2 };").getMessage());
        assertEquals(file() + ":1:40: error: excess elements in scalar initializer (near initialization for"
                + " 'config.a')", error("struct { int a; } config = { .a = { 1, 2 } };").getMessage());
    }

    @Test
    void arithmeticProblemsAreErrors() throws Exception {
        assertEquals(file() + ":1:16: error: division by zero", error("int config = 1 / 0;").getMessage());
        assertEquals(file() + ":1:25: error: integer overflow in expression of type 'int' results in"
                + " '-2147483648'", error("int config = 2147483647 + 1;").getMessage());
        assertEquals(file() + ":1:16: error: left shift count >= width of type",
                error("int config = 1 << 32;").getMessage());
    }

    @Test
    void onlyOneObjectMayBeOutput() throws Exception {
        assertEquals(file() + ":1:16: error: 'b' would be a second object in the output; a configuration source"
                + " defines only one (here 'a' at " + file() + ":1:5)", error("int a = 1; int b = 2;").getMessage());
        assertEquals(file() + ":1:5: error: 'a' is all zeros; gcc would place it in .bss, which objcopy -O binary"
                + " leaves out", error("int a = 0;").getMessage());
        assertEquals(file() + ": error: no object is defined with an initialiser; a configuration source defines"
                + " one, e.g. 'struct { ... } config = { ... };'", error("struct s { int a; };").getMessage());
    }

    @Test
    void missingSourceAndOptionErrorsHaveNoLine() {
        Path missing = dir.resolve("missing.c");
        CompileException e = assertThrows(CompileException.class,
                () -> ConfigCompiler.compile(missing, CompileOptions.DEFAULT));
        assertEquals(missing + ": error: " + missing + ": No such file or directory", e.getMessage());
        assertEquals(1, e.lines().size());
        e = assertThrows(CompileException.class,
                () -> ConfigCompiler.compile(missing, CompileOptions.DEFAULT.withDefine("=1")));
        assertEquals("<command-line>: error: macro name missing after -D", e.getMessage());
    }

    /** Cutting a real configuration anywhere gives a compile error or a result, never anything else. */
    @Test
    void truncatedSourcesNeverCrash() throws Exception {
        for (String name : List.of("src-test-fixtures/configs/arm64-system.c",
                "cell-config/src/test/configs/macros-arm64-cell.c")) {
            String text = Files.readString(Repo.path(name));
            Files.writeString(dir.resolve("fixture-common.h"),
                    Files.readString(Repo.path("src-test-fixtures/configs/fixture-common.h")));
            for (int cut = 0; cut < text.length(); cut += 7) {
                Path file = dir.resolve("cut.c");
                Files.writeString(file, text.substring(0, cut));
                try {
                    ConfigCompiler.compile(file, CompileOptions.DEFAULT);
                } catch (CompileException expected) {
                    assertTrue(expected.getMessage().contains(": error: "), expected.getMessage());
                }
            }
        }
    }
}
