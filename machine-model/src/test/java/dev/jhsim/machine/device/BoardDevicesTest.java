package dev.jhsim.machine.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.fixtures.Repo;
import dev.jhsim.machine.board.BoardDescription;
import dev.jhsim.machine.board.BoardDescriptionReader;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.irq.RecordingInterruptController;
import dev.jhsim.machine.pci.PciHostBridge;
import dev.jhsim.machine.sim.Simulation;
import dev.jhsim.machine.uart.CadenceUart;
import dev.jhsim.machine.uart.ImxUart;
import dev.jhsim.machine.uart.LinflexUart;
import dev.jhsim.machine.uart.Ns16550;
import dev.jhsim.machine.uart.Pl011;
import dev.jhsim.machine.uart.Uart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoardDevicesTest {
    private final PhysicalBus bus = new PhysicalBus();
    private final RecordingInterruptController gic = new RecordingInterruptController();
    private final Simulation sim = new Simulation(1000);

    private static String qemuArm64() throws IOException {
        return Files.readString(Repo.path("boards/qemu-arm64/board.json"));
    }

    private static String everyUart() throws IOException {
        try (InputStream in = BoardDevicesTest.class.getResourceAsStream("/boards/every-uart.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private BoardDevices create(String json) throws Exception {
        return BoardDevices.create(BoardDescriptionReader.parse(json), bus, gic, sim);
    }

    private long read(long pa, int size) {
        PhysicalBus.Region r = bus.find(pa);
        return r.device().read(pa - r.base(), size);
    }

    private void write(long pa, int size, long value) {
        PhysicalBus.Region r = bus.find(pa);
        r.device().write(pa - r.base(), size, value);
    }

    @Test
    void qemuArm64GetsItsPl011PcieHostAndUnimplementedDevices() throws Exception {
        BoardDevices devices = create(qemuArm64());
        Uart uart0 = devices.uart("uart0");
        assertInstanceOf(Pl011.class, uart0);
        assertSame(uart0, bus.find(0x0900_0000L).device());
        StringBuilder console = new StringBuilder();
        uart0.port().connectOutput(b -> console.append((char) b));
        for (char c : "virt\n".toCharArray()) {
            write(0x0900_0000L, 4, c);
        }
        assertEquals("virt\n", console.toString());
        write(0x0900_0038L, 4, 1 << 5);
        assertTrue(gic.wire(33).asserted(), "the PL011's TX interrupt is SPI 1, INTID 33");

        PciHostBridge pcie = devices.pciHost("pcie");
        assertSame(pcie, bus.find(0x40_1000_0000L).device());
        assertEquals(0x0008_1b36L, read(0x40_1000_0000L, 4));
        assertEquals(0xffff_ffffL, read(0x40_1000_0000L + (1 << 15), 4));
        assertTrue(gic.wired().containsAll(List.of(35, 36, 37, 38)), "INTA..INTD wired: " + gic.wired());
    }

    @Test
    void unimplementedDevicesReadZeroAndReportEveryAccessByInstanceName() throws Exception {
        BoardDevices devices = create(qemuArm64());
        List<String> log = new ArrayList<>();
        devices.onUnimplementedAccess(access -> log.add(access.toString()));
        assertEquals(0, read(0x0901_0000L, 4));
        write(0x0a00_3e00L + 0x70, 4, 0x1);
        assertEquals(0, read(0x0400_0000L + 0x20, 8));
        write(0x0902_0008L, 2, 0xbeef);
        assertEquals(List.of("rtc: read 0x0/4", "virtio-mmio31: write 0x70/4 = 0x1", "flash1: read 0x20/8",
                "fw-cfg: write 0x8/2 = 0xbeef"), log);
    }

    @Test
    void everyUartTypeIsPlacedAndPrints() throws Exception {
        BoardDevices devices = create(everyUart());
        Map<String, Uart> uarts = devices.uarts();
        assertEquals(List.of("pl011", "rk-uart2", "pc-uart", "zynqmp-uart0", "imx-uart2", "s32g-linflex0"),
                List.copyOf(uarts.keySet()), "board order");
        assertInstanceOf(Pl011.class, uarts.get("pl011"));
        assertInstanceOf(Ns16550.class, uarts.get("rk-uart2"));
        assertInstanceOf(CadenceUart.class, uarts.get("zynqmp-uart0"));
        assertInstanceOf(ImxUart.class, uarts.get("imx-uart2"));
        assertInstanceOf(LinflexUart.class, uarts.get("s32g-linflex0"));
        StringBuilder all = new StringBuilder();
        uarts.values().forEach(u -> u.port().connectOutput(b -> all.append(u.port().name()).append('=')
                .append((char) b).append(' ')));
        write(0x0900_0000L, 4, 'a');
        write(0xfeb5_0000L, 4, 'b');
        write(0x0901_0000L, 1, 'c');
        write(0xff00_0030L, 4, 'd');
        write(0x3089_0040L, 4, 'e');
        write(0x401c_8038L, 1, 'f');
        assertEquals("pl011=a rk-uart2=b pc-uart=c zynqmp-uart0=d imx-uart2=e s32g-linflex0=f ", all.toString());
        assertEquals(0x60, read(0xfeb5_0014L, 4), "RK3588 layout: LSR at 5 << 2");
        assertEquals(0x60, read(0x0901_0005L, 1), "PC layout: LSR at 5");
    }

    @Test
    void inputFedToAPortIsReadByTheGuest() throws Exception {
        BoardDevices devices = create(everyUart());
        devices.uart("rk-uart2").port().feedInput("y");
        assertEquals(0x61, read(0xfeb5_0014L, 4), "LSR.DR");
        assertEquals('y', read(0xfeb5_0000L, 4));
    }

    @Test
    void repeatedDevicesAreStrideApartAndThePciHostUsesTheBoardsLines() throws Exception {
        BoardDevices devices = create(everyUart());
        List<String> log = new ArrayList<>();
        devices.onUnimplementedAccess(access -> log.add(access.toString()));
        read(0x0a00_2000L, 4);
        assertEquals(List.of("mailbox2: read 0x0/4"), log);
        assertNull(bus.find(0x0a00_0200L), "the stride leaves a gap after each 0x200 window");
        assertEquals(0x1000_000L, bus.find(0x2000_0000L).size());
        assertTrue(gic.wired().containsAll(List.of(100, 101, 102, 103)));
        assertEquals(0xffff_ffffL, read(0x2000_0000L + (16L << 20) - 4, 4), "last register of bus 15: empty");
    }

    @Test
    void anUnknownTypeFailsNamingTheBoardsDevice() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> create(qemuArm64().replace("\"pl011\"", "\"pl012\"")));
        assertEquals("board qemu-arm64: uart uart0 has unknown type 'pl012' (known: 8250, imx, linflex, pl011,"
                + " xuartps)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> create(everyUart().replace("\"unimplemented\"", "\"mailbox\"")));
        assertEquals("board every-uart: device mailbox has unknown type 'mailbox' (known: unimplemented)",
                e.getMessage());
    }

    @Test
    void overlappingDevicesFailNamingTheOneThatDidNotFit() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> create(everyUart().replace("\"base\": \"0x09010000\"", "\"base\": \"0x09000800\"")));
        assertEquals("board every-uart: uart pc-uart at 0x9000800: region at 0x9000800 overlaps the one at"
                + " 0x9000000", e.getMessage());
    }

    @Test
    void unknownHandlesNameWhatTheBoardHas() throws Exception {
        BoardDevices devices = create(qemuArm64());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> devices.uart("uart1"));
        assertEquals("no UART 'uart1' on this board (it has: uart0)", e.getMessage());
        assertEquals(List.of("pcie"), List.copyOf(devices.pciHosts().keySet()));
        BoardDescription board = BoardDescriptionReader.parse(qemuArm64());
        assertEquals(board.uarts().size(), devices.uarts().size());
    }
}
