package dev.jhsim.config.c;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What gcc's -I, -D, -U and -include do, and the warnings gcc would print. */
class CompileOptionsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static byte[] ints(int... values) {
        byte[] bytes = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            for (int b = 0; b < 4; b++) {
                bytes[i * 4 + b] = (byte) (values[i] >> (8 * b));
            }
        }
        return bytes;
    }

    @Test
    void definesAndUndefinesApplyInOrder() throws Exception {
        Path source = write("cfg.c", """
                #ifndef B
                #define B 7
                #endif
                int config[] = { A, B, C(2) };
                """);
        CompileOptions options = CompileOptions.DEFAULT.withDefine("A").withDefine("B=5").withUndefine("B")
                .withDefine("C(x)=(x * 10)");
        assertArrayEquals(ints(1, 7, 20), ConfigCompiler.compile(source, options).bytes());
    }

    @Test
    void includeDirectoriesComeBeforeTheBundledHeaders() throws Exception {
        write("mine/jailhouse/types.h", "#define OWN_TYPES 42\n");
        Path source = write("cfg.c", "#include <jailhouse/types.h>\nint config = OWN_TYPES;\n");
        assertArrayEquals(ints(42), ConfigCompiler.compile(source,
                CompileOptions.DEFAULT.withIncludeDir(dir.resolve("mine"))).bytes());
        Path bundled = write("bundled.c", "#include <jailhouse/types.h>\n__u8 config = sizeof(__u64);\n");
        assertArrayEquals(new byte[] {8}, ConfigCompiler.compile(bundled, CompileOptions.DEFAULT).bytes());
        CompileException e = assertThrows(CompileException.class,
                () -> ConfigCompiler.compile(bundled, CompileOptions.DEFAULT.withoutBundledHeaders()));
        assertEquals(bundled + ":1:10: error: jailhouse/types.h: No such file or directory", e.getMessage());
    }

    @Test
    void forcedIncludesComeFirstInOrder() throws Exception {
        Path first = write("first.h", "#define VALUE 1\n");
        Path second = write("second.h", "#undef VALUE\n#define VALUE 2\n");
        Path source = write("cfg.c", "int config = VALUE;\n");
        assertArrayEquals(ints(2), ConfigCompiler.compile(source,
                CompileOptions.DEFAULT.withForcedInclude(first).withForcedInclude(second)).bytes());
        CompileException e = assertThrows(CompileException.class, () -> ConfigCompiler.compile(source,
                CompileOptions.DEFAULT.withForcedInclude(dir.resolve("none.h"))));
        assertEquals("<command-line>: error: " + dir.resolve("none.h") + ": No such file or directory",
                e.getMessage());
    }

    @Test
    void warningsAreCollectedAsGccPrintsThem() throws Exception {
        Path source = write("cfg.c", """
                #define X 1
                #define X 2
                #warning "check this"
                #define Y (1)
                #define Y (1)
                int config = X + Y;
                """);
        CompileResult result = ConfigCompiler.compile(source, CompileOptions.DEFAULT);
        assertEquals(List.of(source + ":2:9: warning: \"X\" redefined",
                source + ":3:2: warning: #warning \"check this\""), result.warnings());
        assertArrayEquals(ints(3), result.bytes());
    }

    @Test
    void lineAndFileBuiltins() throws Exception {
        Path source = write("cfg.c", "struct { int line; char file[4096]; } config = {\n __LINE__, __FILE__ };\n");
        byte[] bytes = ConfigCompiler.compile(source, CompileOptions.DEFAULT).bytes();
        assertEquals(2, bytes[0]);
        assertEquals(source.toString(), new String(bytes, 4, 4096).replace("\0", ""));
    }

    @Test
    void layoutsSelectTheBundledHeadersRevision() throws Exception {
        Path source = write("cfg.c", "#include <jailhouse/types.h>\n#include <jailhouse/cell-config.h>\n"
                + "struct { int revision; int size; } config = { JAILHOUSE_CONFIG_REVISION,"
                + " sizeof(struct jailhouse_memory) };\n");
        assertArrayEquals(ints(12, 32), ConfigCompiler.compile(source,
                CompileOptions.DEFAULT.withLayout(dev.jhsim.config.model.Layout.V12)).bytes());
        assertArrayEquals(ints(13, 32), ConfigCompiler.compile(source,
                CompileOptions.DEFAULT.withLayout(dev.jhsim.config.model.Layout.V13)).bytes());
        assertArrayEquals(ints(14, 32), ConfigCompiler.compile(source, CompileOptions.DEFAULT).bytes());
        assertArrayEquals(ints(14, 40), ConfigCompiler.compile(source,
                CompileOptions.DEFAULT.withLayout(dev.jhsim.config.model.Layout.MINERVASYS)).bytes());
    }

    @Test
    void sameInputSameOutput() throws Exception {
        Path source = write("cfg.c", "#define N __COUNTER__\nint config[] = { N, N, __COUNTER__ };\n");
        byte[] first = ConfigCompiler.compile(source, CompileOptions.DEFAULT).bytes();
        assertArrayEquals(ints(0, 1, 2), first);
        assertArrayEquals(first, ConfigCompiler.compile(source, CompileOptions.DEFAULT).bytes());
    }
}
