package dev.jhsim.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.config.model.Console;
import dev.jhsim.config.model.PlatformInfo.ArmPlatform;
import dev.jhsim.hypervisor.driver.DriverException;
import dev.jhsim.hypervisor.driver.Errno;
import dev.jhsim.machine.arm64.Hcr;
import dev.jhsim.machine.arm64.el2.GuestState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code jailhouse enable} and {@code disable} on qemu-arm64: messages, refusals, what disable gives back. */
class EnableTest {
    @Test
    void enablePrintsUpstreamsMessagesWithThisModelsNumbers() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            String expected = resource("enable-qemu-arm64.txt");
            assertEquals(expected, q.console());
            assertEquals(expected.replace("\n", "\r\n"), q.uart.toString(), "the debug UART shows the same");
            assertTrue(q.driver.enabled());
            assertEquals("[CellStatus[id=0, name=qemu-arm64, state=running, assignedCpus=[0, 1, 2, 3, 4, 5, 6, 7, 8,"
                    + " 9, 10, 11, 12, 13, 14, 15], failedCpus=[]]]", q.driver.cells().toString());
        }
    }

    @Test
    void everyCpuIsTakenOverAndDisableGivesItBack() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            for (int cpu = 0; cpu < 16; cpu++) {
                GuestState el2 = q.board.machine().guest(cpu);
                assertEquals(Hcr.VM | Hcr.IMO | Hcr.FMO | Hcr.TSC | Hcr.TACR | Hcr.RW, el2.hcr(), "HCR_EL2 " + cpu);
                assertEquals(1, el2.readSysreg("ICH_HCR_EL2"), "ICH_HCR_EL2.En " + cpu);
                assertEquals(2, el2.readSysreg("ICC_CTLR_EL1") & 2, "EOImode 1 " + cpu);
                assertTrue(el2.readSysreg("VTTBR_EL2") >>> 48 == 0 && el2.readSysreg("VTTBR_EL2") != 0,
                        "the root cell's tables, VMID 0, on CPU " + cpu);
            }
            String first = q.console();
            q.driver.disable();
            String shutdown = q.console();
            assertEquals("Shutting down hypervisor\n" + IntStream.range(0, 16)
                    .mapToObj(cpu -> " Releasing CPU " + cpu + "\n").reduce("", String::concat), shutdown);
            assertFalse(q.driver.enabled());
            assertTrue(q.driver.cells().isEmpty());
            for (int cpu = 0; cpu < 16; cpu++) {
                GuestState el2 = q.board.machine().guest(cpu);
                assertEquals(Hcr.RW, el2.hcr(), "traps off on CPU " + cpu);
                assertEquals(0, el2.readSysreg("VTTBR_EL2"));
                assertEquals(0, el2.readSysreg("ICH_HCR_EL2"));
                assertEquals(2, el2.readSysreg("ICC_CTLR_EL1") & 2, "Linux's EOImode back on CPU " + cpu);
                assertEquals(1, el2.readSysreg("ICC_IGRPEN1_EL1"));
            }
            q.enable();
            assertEquals(first, q.console(), "a second enable starts from the same state");
        }
    }

    @Test
    void disableWhileDisabledIsRefused() {
        try (Qemu q = new Qemu()) {
            DriverException e = assertThrows(DriverException.class, q.driver::disable);
            assertEquals(Errno.EINVAL, e.errno());
            assertEquals("JAILHOUSE_DISABLE: Invalid argument", e.upstreamLine());
        }
    }

    @Test
    void enableTwiceIsBusy() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            assertEquals(Errno.EBUSY, assertThrows(DriverException.class, q::enable).errno());
            assertTrue(q.driver.enabled());
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("a cell configuration", Qemu.config("qemu-arm64-inmate-demo"), Errno.EINVAL,
                        "Not a system configuration"),
                refusal("revision 15", patched(Qemu.config("qemu-arm64"), 6, 15), Errno.EINVAL,
                        "Configuration revision mismatch"),
                refusal("architecture x86", patched(Qemu.config("qemu-arm64"), 5, 0), Errno.EINVAL,
                        "Configuration architecture mismatch"),
                refusal("hypervisor memory outside RAM", TestConfigs.system(s -> TestConfigs.withHypervisorMemory(s,
                        0x3FC00000L, 0x400000)), Errno.EINVAL, "hypervisor memory 0x3fc00000-0x3fffffff is not RAM"),
                refusal("hypervisor memory too small", TestConfigs.system(s -> TestConfigs.withHypervisorMemory(s,
                        0x7FC00000L, 0x4000)), Errno.EINVAL, "cannot hold the hypervisor"),
                refusal("debug console where there is no UART", TestConfigs.system(s -> TestConfigs.withConsole(s,
                        0x09010000L, Console.TYPE_PL011)), Errno.EINVAL, "board qemu-arm64 has no UART there"),
                refusal("debug console of the wrong type", TestConfigs.system(s -> TestConfigs.withConsole(s,
                        0x09000000L, Console.TYPE_8250)), Errno.EINVAL, "is a pl011 UART (uart0)"),
                refusal("an online CPU missing", TestConfigs.system(s -> TestConfigs.withRootCpus(s, 0, 14)), Errno.EINVAL,
                        "CPU 15 of board qemu-arm64 is online but not in the root cell's CPU set 0-14"),
                refusal("a CPU the board lacks", TestConfigs.system(s -> TestConfigs.withRootCpus(s, 0, 17)), Errno.EINVAL,
                        "names CPUs board qemu-arm64 does not have (16 CPUs)"),
                refusal("GICv2 on a GICv3 board", TestConfigs.system(s -> TestConfigs.withArm(s, a -> new ArmPlatform(
                        a.maintenanceIrq(), 2, a.gicdBase(), 0x08010000L, 0x08030000L, 0x08040000L, 0))),
                        Errno.ENODEV, "no GICv2 distributor at 0x8000000 (PIDR2 0x0)"),
                refusal("no distributor at gicd_base", TestConfigs.system(s -> TestConfigs.withArm(s, a -> new ArmPlatform(
                        a.maintenanceIrq(), 3, 0x08010000L, 0, 0, 0, a.gicrBase()))), Errno.ENODEV,
                        "no GICv3 distributor at 0x8010000"),
                refusal("no redistributors at gicr_base", TestConfigs.system(s -> TestConfigs.withArm(s, a -> new ArmPlatform(
                        a.maintenanceIrq(), 3, a.gicdBase(), 0, 0, 0, 0x09000000L))), Errno.ENODEV,
                        "no GICv3 redistributor for CPU 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedConfigurationsLeaveTheBoardAsItWas(String what, byte[] config, Errno errno, String reason)
            throws Exception {
        try (Qemu q = new Qemu()) {
            DriverException e = assertThrows(DriverException.class, () -> q.driver.enable(config));
            assertEquals(errno, e.errno(), e.getMessage());
            assertTrue(e.reason().contains(reason), e.reason());
            assertEquals("JAILHOUSE_ENABLE: " + errno.text(), e.upstreamLine());
            assertFalse(q.driver.enabled());
            for (int cpu = 0; cpu < 16; cpu++) {
                GuestState el2 = q.board.machine().guest(cpu);
                assertEquals(Hcr.RW, el2.hcr(), "no traps left on CPU " + cpu);
                assertEquals(0, el2.readSysreg("VTTBR_EL2"), "no stage 2 left on CPU " + cpu);
                assertEquals(0, el2.readSysreg("ICH_HCR_EL2"), "no virtual interface left on CPU " + cpu);
            }
            q.console();
            q.enable();
            assertEquals(resource("enable-qemu-arm64.txt"), q.console(), "enables afterwards as if nothing happened");
        }
    }

    @Test
    void aMissingRedistributorIsReportedAsUpstreamDoes() {
        try (Qemu q = new Qemu()) {
            byte[] config = TestConfigs.system(s -> TestConfigs.withArm(s, a -> new ArmPlatform(a.maintenanceIrq(), 3,
                    a.gicdBase(), 0, 0, 0, 0x09000000L)));
            assertThrows(DriverException.class, () -> q.driver.enable(config));
            String console = q.console();
            assertTrue(console.endsWith("Initializing processors:\n CPU 0... GIC: No redist found for CPU0\nFAILED\n"),
                    console);
        }
    }

    private static Arguments refusal(String what, byte[] config, Errno errno, String reason) {
        return Arguments.of(what, config, errno, reason);
    }

    private static byte[] patched(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        copy[offset] = (byte) value;
        return copy;
    }

    static String resource(String name) {
        try (InputStream in = EnableTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
