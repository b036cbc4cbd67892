package dev.jhsim.config.c;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Corners of C that configurations rarely reach but the compiler must get
 * right, each a small program compiled by jhsim and by the host's gcc.
 */
class SemanticsDifferentialTest {
    @TempDir
    Path work;

    static Stream<Arguments> programs() {
        return Stream.of(
                Arguments.of("re-initialisation and unions", """
                        struct P { int x, y; };
                        struct S { struct P a; union { struct { short p, q; } m; int n; long long o; };
                                   int arr[4]; char s[4]; struct P ps[2]; };
                        struct S config[] = {
                            { .a.y = 3, .a = {1} },
                            { .a = {1, 2}, .a.y = 3 },
                            { .m.q = 5, .n = 7 },
                            { .n = 7, .m.q = 5 },
                            { .a.x = 9, 8, 7, 6 },
                            { .arr[2] = 1, 2, .s = "abc", .ps = { 1, 2, 3 } },
                            { {1}, .ps[1].y = 4 },
                            { .ps = { [1] = { .x = 1 }, [0].y = 2 } },
                            { .o = 0x1122334455667788, .m.p = 1 },
                        };
                        """),
                Arguments.of("natural alignment and padding", """
                        struct inner { char c; long long l; };
                        struct { char a; short b; char c; int d; struct inner e[2]; char f; } config =
                            { 1, 2, 3, 4, { { 5, 6 }, { 7, 8 } }, 9 };
                        """),
                Arguments.of("bit-fields", """
                        struct bits { unsigned a:3, :2, b:5; unsigned char :0; unsigned char c:1; int d:7;
                                      long long e:40; _Bool f:1; };
                        struct __attribute__((packed)) pbits { unsigned a:3; unsigned long long b:60; char c:4; };
                        struct { struct bits x; struct pbits y; unsigned z:1; } config =
                            { { 7, 31, 1, -64, -1, 5 }, { 5, 0xfffffffffffffff, -8 }, 1 };
                        """),
                Arguments.of("layout of unusual members", """
                        typedef struct { char c; int __attribute__((packed)) i; } p1;
                        typedef struct { char c; long long l __attribute__((aligned(16))); } a16;
                        typedef struct __attribute__((aligned(8))) { char c; } s8;
                        typedef struct { char c[3]; short s; } __attribute__((packed, aligned(4))) pa;
                        typedef union { char c[5]; int i; } u5;
                        enum small { S1 = 1 }; enum neg { N1 = -1 }; enum big { B1 = 0x100000000 };
                        unsigned config[] = { sizeof(p1), _Alignof(p1), sizeof(a16), _Alignof(a16), sizeof(s8),
                            sizeof(pa), _Alignof(pa), sizeof(u5), _Alignof(u5), sizeof(enum small),
                            sizeof(enum neg), sizeof(enum big), (enum neg)-1 < 0, (enum small)-1 > 0 };
                        """),
                Arguments.of("arrays of unknown size and strings", """
                        struct { char s[8]; char t[]; } unused_type_check;
                        unsigned char config[] = { 'a', [6] = 'b', "x"[0], sizeof("abc"),
                            sizeof "a" "bc" "\\x41\\101\\n", '\\377' };
                        """),
                Arguments.of("strings into character arrays", """
                        struct { char a[4]; unsigned char b[6]; signed char c[3]; char d[2][3]; char e[3]; } config =
                            { "abc", { "de" "f\\t" }, ("gh"), { "ij", "k" }, "lmn" };
                        """),
                Arguments.of("brace elision in nested arrays", """
                        struct { int m[2][3]; int n[2][2]; struct { char c; int v[2]; } s[2]; } config =
                            { 1, 2, 3, 4, 5, 6, { {7}, {8, 9} }, 10, 11, 12, { 13, { 14 } } };
                        """),
                Arguments.of("integer constants and conversions", """
                        long long config[] = { 2147483647, 2147483648, 4294967295, 0xffffffff, 0x7fffffff + 1u,
                            -2147483648, 9223372036854775807, 0x8000000000000000, 01777777777777777777777,
                            (char)200, (unsigned char)-1, (short)0x18000, -1u, -1ul, 'A' - 'a', ~0LL >> 60,
                            (-5) / 2, (-5) % 2, 5u / -1, 1 ? -1 : 1u, (long)1 << 63 >> 63 };
                        """),
                Arguments.of("GNU ranges, old-style designators and empty braces", """
                        struct { int a; int b[6]; struct { int x; } c; } config =
                            { a: 1, .b = { [1 ... 3] = 7, [4 ... 5] = 8 }, .c = {} };
                        """),
                Arguments.of("a static object, typedefs and declarations", """
                        typedef unsigned int u32;
                        extern const struct cfg { u32 a; u32 b[2]; } config;
                        struct cfg;
                        int prototype(int);
                        static inline int helper(void) { return 1; }
                        const struct cfg config = { 1, { 2, 3 } };
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void bytesAreGccs(String name, String program) throws Exception {
        Path source = work.resolve("program.c");
        Files.writeString(source, program);
        byte[] expected = HostGcc.build(source, work, List.of());
        byte[] actual = ConfigCompiler.compile(source, CompileOptions.DEFAULT).bytes();
        assertArrayEquals(expected, actual, name);
    }
}
