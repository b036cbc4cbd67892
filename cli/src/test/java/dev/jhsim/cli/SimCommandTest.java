package dev.jhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimCommandTest {
    private static final long BASE = 0x400000;
    private static final int HEADERS = 64 + 2 * 56;

    @TempDir
    Path dir;

    private String out;
    private String err;

    /** A minimal static AArch64 executable: one PT_LOAD (and optionally a PT_INTERP) and the given code. */
    static byte[] elf(boolean dynamic, int... code) {
        ByteBuffer b = ByteBuffer.allocate(HEADERS + 4 * code.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0});
        b.position(16);
        b.putShort((short) 2).putShort((short) 183).putInt(1).putLong(BASE + HEADERS).putLong(64).putLong(0);
        b.putInt(0).putShort((short) 64).putShort((short) 56).putShort((short) (dynamic ? 2 : 1))
                .putShort((short) 64).putShort((short) 0).putShort((short) 0);
        b.putInt(1).putInt(5).putLong(0).putLong(BASE).putLong(BASE).putLong(b.capacity()).putLong(b.capacity())
                .putLong(0x1000);
        if (dynamic) {
            b.putInt(3).putInt(4).putLong(0).putLong(0).putLong(0).putLong(1).putLong(1).putLong(1);
        }
        b.position(HEADERS);
        for (int w : code) {
            b.putInt(w);
        }
        return b.array();
    }

    private int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void passesOutputAndExitStatusThrough() throws IOException {
        // adr x1, msg; mov x0, #1; mov x2, #3; mov x8, #64; svc #0; mov x0, #42; mov x8, #93; svc #0; msg: "hi\n"
        Path p = write("hi", elf(false, 0x10000101, 0xD2800020, 0xD2800062, 0xD2800808, 0xD4000001,
                0xD2800540, 0xD2800BA8, 0xD4000001, 0x000A6968));
        assertEquals(42, run("sim", "exec", p.toString()));
        assertEquals("hi\n", out);
        assertEquals("", err);
    }

    @Test
    void statsGoToStderr() throws IOException {
        Path p = write("exit0", elf(false, 0xD2800000, 0xD2800BA8, 0xD4000001));
        assertEquals(0, run("sim", "exec", "--stats", p.toString()));
        assertTrue(err.matches("jailhouse sim exec: 3 instructions, 0\\.000000 s simulated, [0-9.]+ guest MIPS\\R"), err);
    }

    @Test
    void anUnsupportedSystemCallEndsTheRunWithOneLine() throws IOException {
        Path p = write("clone", elf(false, 0xD2801B88, 0xD4000001));   // mov x8, #220; svc #0
        assertEquals(125, run("sim", "exec", p.toString()));
        assertEquals("jailhouse sim exec: unsupported system call clone (220) at pc 0x4000b4\n", err);
    }

    @Test
    void guestFaultsEndTheRunLikeTheSignalWould() throws IOException {
        Path p = write("null", elf(false, 0xF9400020));                 // ldr x0, [x1] with x1 = 0
        assertEquals(139, run("sim", "exec", p.toString()));
        assertEquals("jailhouse sim exec: segmentation fault: read from 0x0 at pc 0x4000b0 (SIGSEGV)\n", err);

        Path u = write("udf", elf(false, 0x0000BEEF));
        assertEquals(132, run("sim", "exec", u.toString()));
        assertEquals("jailhouse sim exec: illegal instruction 0x0000beef at pc 0x4000b0 (SIGILL)\n", err);
    }

    @Test
    void badInputGetsOneLineNamingTheFile() throws IOException {
        Path missing = dir.resolve("missing");
        assertEquals(1, run("sim", "exec", missing.toString()));
        assertEquals("jailhouse sim exec: " + missing
                + ": cannot read the file (expected a static AArch64 Linux executable)\n", err);

        Path text = write("text", "not a program".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, run("sim", "exec", text.toString()));
        assertEquals("jailhouse sim exec: " + text
                + ": not an ELF file (expected a static AArch64 Linux executable)\n", err);

        Path dynamic = write("dynamic", elf(true, 0xD4000001));
        assertEquals(1, run("sim", "exec", dynamic.toString()));
        assertEquals("jailhouse sim exec: " + dynamic + ": dynamically linked (expected a static AArch64 Linux "
                + "executable; link with -static)\n", err);

        byte[] x86 = elf(false, 0xD4000001);
        x86[18] = 62;
        Path wrong = write("x86", x86);
        assertEquals(1, run("sim", "exec", wrong.toString()));
        assertEquals("jailhouse sim exec: " + wrong + ": ELF for machine 62, not AArch64 (expected a static "
                + "AArch64 Linux executable)\n", err);
    }
}
