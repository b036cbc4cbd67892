package dev.jhsim.inmates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.fixtures.Repo;
import dev.jhsim.fixtures.Tools;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed images on QEMU's virt machine (GICv3 or GICv2, EL2), each in a cell
 * that a small test host at EL2 (src/test/qemu/host.c) sets up the way
 * Jailhouse places a cell: image at cell address 0, communication region at
 * 0x80000000, stage-2 faults reported. This checks the images against QEMU's
 * model of the hardware; it is not a test of any hypervisor, and it leaves
 * out what only Jailhouse provides (management hypercalls, its PSCI answers).
 * QEMU runs with -icount, so virtual time follows the instruction count and
 * the runs do not depend on the host's speed.
 */
class QemuCellTest {
    private static final long LIMIT_MILLIS = 60_000;
    private static final int MODE_MESSAGES = 3;
    private static final long CELL_RAM = 0x7f000000L;
    private static final long CELL_RAM_STRIDE = 0x200000L;
    private static final int CMDLINE_ADDRESS = 0x1000;

    @TempDir
    static Path dir;
    private static Path host;

    @BeforeAll
    static void buildHost() throws Exception {
        Tools.require("aarch64-linux-gnu-gcc", "qemu-system-aarch64");
        Path sources = Repo.path("inmates/src/test/qemu");
        host = dir.resolve("host.elf");
        Process gcc = new ProcessBuilder("aarch64-linux-gnu-gcc", "-O2", "-Wall", "-Wextra", "-Werror",
                "-ffreestanding", "-nostdlib", "-static", "-no-pie", "-fno-pie", "-mgeneral-regs-only",
                "-mstrict-align", "-Wl,--build-id=none", "-Wl,--no-warn-rwx-segments",
                "-T", sources.resolve("host.lds").toString(), "-o", host.toString(),
                sources.resolve("host.S").toString(), sources.resolve("host.c").toString())
                .redirectErrorStream(true).start();
        String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, gcc.waitFor(), "building the test host failed:\n" + log);
    }

    /** A bundled image with a command line at 0x1000, as "jailhouse cell load ... -s ... -a 0x1000" leaves it. */
    private static Path image(String name, String cmdline) throws IOException {
        byte[] image = Inmates.image(name).orElseThrow();
        byte[] text = (cmdline + "\0").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, image, CMDLINE_ADDRESS, text.length);
        Path file = Files.createTempFile(dir, "cell", ".bin");
        Files.write(file, image);
        return file;
    }

    /** Runs the cells (one, or two on CPUs 0 and 1) on GICv3 until the output matches done, or the limit passes. */
    private static String run(Pattern done, Path... cells) throws Exception {
        return run(cells.length, 3, done, cells);
    }

    /**
     * Runs in a host mode (see host.c: 1 one cell, 2 two cells, 3 one cell and a message driver)
     * with GIC version 2 or 3.
     */
    private static String run(int mode, int gic, Pattern done, Path... cells) throws Exception {
        List<String> command = new ArrayList<>(List.of("qemu-system-aarch64",
                "-M", "virt,gic-version=" + gic + ",virtualization=on" + (gic == 3 ? ",its=off" : ""),
                "-cpu", "cortex-a57", "-smp", "2",
                "-m", "1G", "-display", "none", "-monitor", "none", "-serial", "stdio",
                "-icount", "shift=0,sleep=off", "-kernel", host.toString()));
        command.addAll(List.of("-device", "loader,addr=0x7e000000,data=" + mode + ",data-len=4",
                "-device", "loader,addr=0x7e000004,data=" + gic + ",data-len=4"));
        for (int n = 0; n < cells.length; n++) {
            command.addAll(List.of("-device", "loader,file=" + cells[n] + ",addr=0x"
                    + Long.toHexString(CELL_RAM + n * CELL_RAM_STRIDE) + ",force-raw=on"));
        }
        Process qemu = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(new File("/dev/null")).start();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> copy(qemu.getInputStream(), output));
        reader.start();
        long deadline = System.currentTimeMillis() + LIMIT_MILLIS;
        try {
            while (!done.matcher(output).find() && qemu.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            qemu.destroyForcibly().waitFor();
            reader.join();
        }
        String text = output.toString();
        assertTrue(done.matcher(text).find(), "no '" + done + "' in:\n" + text);
        return text;
    }

    /** Collects QEMU's output, without the carriage returns the UART sends before each newline. */
    private static void copy(InputStream in, StringBuffer out) {
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1).replace("\r", ""));
            }
        } catch (IOException e) {
            // the process was stopped
        }
    }

    private static long count(String text, String line) {
        return text.lines().filter(l -> l.matches(line)).count();
    }

    @Test
    void gicDemoReportsEachTimerInterrupt() throws Exception {
        String out = run(Pattern.compile("(Timer fired.*\\n){5}"), image("demos/arm64/gic-demo.bin", ""));
        assertTrue(out.contains("Initializing the GIC...\nInitializing the timer...\nTimer fired, jitter: "), out);
        assertTrue(count(out, "Timer fired, jitter: +\\d+ ns, min: +\\d+ ns, max: +\\d+ ns") >= 5, out);
    }

    @Test
    void gicDemoOnGicV2() throws Exception {
        String out = run(1, 2, Pattern.compile("(Timer fired.*\\n){5}"), image("demos/arm64/gic-demo.bin", ""));
        assertTrue(count(out, "Timer fired, jitter: +\\d+ ns, min: +\\d+ ns, max: +\\d+ ns") >= 5, out);
    }

    @Test
    void smpOnGicV2SendsTheSgiThroughTheDistributor() throws Exception {
        String out = run(1, 2, Pattern.compile("SMP test: (all|\\d+ of) \\d+ checks"), image("tests/arm64/smp.bin", ""));
        assertTrue(out.contains("SMP test: second CPU received SGI 1\n"), out);
        assertTrue(out.contains("SMP test: all 6 checks passed\n"), out);
    }

    @Test
    void uartDemoGreetsWithItsCommandLine() throws Exception {
        String out = run(Pattern.compile("Hello 3 from cell!\\n"), image("demos/arm64/uart-demo.bin", "interval-ms=10"));
        assertTrue(out.contains("Hello 1 from cell!\nHello 2 from cell!\nHello 3 from cell!\n"), out);
    }

    @Test
    void violationIsStoppedAtItsAccess() throws Exception {
        String out = run(Pattern.compile("host: cell 0: stage-2 fault.*\\n"),
                image("tests/arm64/violation.bin", "address=0x50000000"));
        assertTrue(out.contains("Access violation test: writing to 0x50000000, outside this cell\n"
                + "host: cell 0: stage-2 fault at IPA 0x50000000, PC "), out);
        assertTrue(out.contains(", write\n"), out);
        assertFalse(out.contains("went through"), out);
    }

    @Test
    void smpStartsTheSecondCpuAndSeesItStop() throws Exception {
        String out = run(Pattern.compile("SMP test: (all|\\d+ of) \\d+ checks"), image("tests/arm64/smp.bin", ""));
        assertTrue(out.contains("SMP test: hello from the second CPU, MPIDR 0x1\n"), out);
        assertTrue(out.contains("SMP test: second CPU received SGI 1\n"), out);
        assertTrue(out.contains("SMP test: all 6 checks passed\n"), out);
    }

    @Test
    void shutdownDenyAnswersTheMessagesOfTheProtocol() throws Exception {
        String out = run(MODE_MESSAGES, 3, Pattern.compile("host: message 0x1 answered 0x3.*\\n"),
                image("tests/arm64/shutdown-deny.bin", "lock"));
        assertTrue(out.contains("Shutdown test: cell locked\n"), out);
        // RECONFIG_COMPLETED is acknowledged; the cell is RUNNING_LOCKED
        assertTrue(out.contains("host: message 0x2 answered 0x4, cell state 0x1\n"), out);
        // the first SHUTDOWN_REQUEST is denied, the second approved and the cell marked shut down
        assertTrue(out.contains("Shutdown test: request 1 denied\nhost: message 0x1 answered 0x2, cell state 0x1\n"), out);
        assertTrue(out.contains("Shutdown test: request 2 approved, stopping\n"
                + "host: message 0x1 answered 0x3, cell state 0x2\n"), out);
    }

    @Test
    void ivshmemDemoRingsBothWays() throws Exception {
        Pattern bothWays = Pattern.compile("(?s)(?=.*peer 1 got a doorbell: peer 2 says 2\\n)"
                + "(?=.*peer 2 got a doorbell: peer 1 says 2\\n)");
        String out = run(bothWays, image("demos/arm64/ivshmem-demo.bin", ""),
                image("demos/arm64/ivshmem-demo.bin", ""));
        assertTrue(out.contains("IVSHMEM: device 00:00.0, ID 1 of 3 peers, interrupt 136\n"), out);
        assertTrue(out.contains("IVSHMEM: device 00:00.0, ID 2 of 3 peers, interrupt 137\n"), out);
        assertTrue(out.contains("IVSHMEM: peer 1 sees peer 2 in state 1\n"), out);
        assertTrue(out.contains("IVSHMEM: peer 2 sees peer 1 in state 1\n"), out);
    }
}
