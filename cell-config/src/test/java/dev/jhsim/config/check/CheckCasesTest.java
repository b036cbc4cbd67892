package dev.jhsim.config.check;

import static dev.jhsim.config.check.TestSets.arm64Cell;
import static dev.jhsim.config.check.TestSets.arm64System;
import static dev.jhsim.config.check.TestSets.findings;
import static dev.jhsim.config.check.TestSets.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of each check beyond the one its catalogue example shows
 * (docs/config-check.md): each configuration below must give exactly the
 * problem named, in the check named.
 */
class CheckCasesTest {
    private static final String REGION = """
            ,
                {"phys_start": "%s", "virt_start": "%s", "size": "%s", "flags": "%s"}""";

    private static String region(String phys, String virt, String size, String flags) {
        return REGION.formatted(phys, virt, size, flags);
    }

    /** A cell with one more region (after RAM at 0x7fa00000 and the comm region). */
    private static String cellWith(String phys, String virt, String size, String flags) {
        return arm64Cell("demo", region(phys, virt, size, flags));
    }

    private static String irqchip(String cell, String chip) {
        return cell.replaceFirst("\"memory_regions\"", "\"irqchips\": [" + chip + "], \"memory_regions\"");
    }

    private static String ivshmemPeer(String name, int devId, int peers, String protocol, String domain) {
        return """
                {
                  "kind": "cell", "architecture": "arm64", "name": "%s", "cpus": "%d", "vpci_irq_base": 100,
                  "memory_regions": [
                    {"phys_start": "0x7fb00000", "virt_start": "0x7fb00000", "size": "0x1000", "flags": "%s"},
                    {"phys_start": "0x7fb01000", "virt_start": "0x7fb01000", "size": "0x1000",
                     "flags": "READ|WRITE|ROOTSHARED"},
                    {"phys_start": "0x7fb02000", "virt_start": "0x7fb02000", "size": "0x1000", "flags": "%s"},
                    {"phys_start": "0x7fb03000", "virt_start": "0x7fb03000", "size": "0x1000", "flags": "%s"},
                    {"virt_start": "0x80000000", "size": "0x1000", "flags": "READ|WRITE|COMM_REGION"}
                  ],
                  "pci_devices": [{"type": "IVSHMEM", "domain": "%s", "bdf": "0x0", "num_msix_vectors": 1,
                                   "shmem_regions_start": 0, "shmem_dev_id": %d, "shmem_peers": %d,
                                   "shmem_protocol": "%s"}]
                }
                """.formatted(name, devId + 1, "READ|ROOTSHARED",
                devId == 0 ? "READ|WRITE|ROOTSHARED" : "READ|ROOTSHARED",
                devId == 1 ? "READ|WRITE|ROOTSHARED" : "READ|ROOTSHARED", domain, devId, peers, protocol);
    }

    private static final String X86_SYSTEM = """
            {
              "kind": "system", "architecture": "x86",
              "hypervisor_memory": {"phys_start": "0x3a000000", "size": "0x600000"},
              "debug_console": {"address": "0x3f8", "type": "PL011"},
              "platform_info": {"x86": {}},
              "root_cell": {
                "name": "root", "cpus": "0-3",
                "memory_regions": [{"phys_start": "0x0", "virt_start": "0x0", "size": "0x3a000000",
                                    "flags": "READ|WRITE|EXECUTE|DMA"}],
                "irqchips": [{"address": "0xfec00000", "id": "0xff00", "pin_bitmap": ["0xffffff", "0", "0", "0"]}],
                "pio_regions": [{"base": "0x3f8", "length": "0x8"}]
              }
            }
            """;

    private static final String X86_CELL = """
            {
              "kind": "cell", "architecture": "x86", "name": "demo", "cpus": "1",
              "console": {"address": "0x2f8", "type": "8250"},
              "memory_regions": [{"phys_start": "0x39f00000", "virt_start": "0x0", "size": "0x100000",
                                  "flags": "READ|WRITE|EXECUTE|LOADABLE"},
                                 {"virt_start": "0x100000", "size": "0x1000", "flags": "READ|WRITE|COMM_REGION"}],
              "irqchips": [{"address": "0xfec00000", "id": "0xff01", "pin_base": 8,
                            "pin_bitmap": ["0x1", "0", "0", "0x1000000"]}],
              "pio_regions": [{"base": "0x3f8", "length": "0x8"}]
            }
            """;

    /** A board like QEMU's virt machine, smaller: RAM 0x40000000-0x7fffffff, a PL011, GICv3 with 64 SPIs. */
    private static final BoardFacts BOARD = new BoardFacts("tiny", "arm64", 4,
            List.of(area("ram", 0x40000000L, 0x40000000L)),
            List.of(area("gicd", 0x08000000L, 0x10000), area("gicr", 0x080a0000L, 0x80000),
                    area("uart0", 0x09000000L, 0x1000), area("rtc", 0x09010000L, 0x1000)),
            new BoardFacts.Gic(3, 0x08000000L, 0x080a0000L, 0, 0, 0, 96, 25),
            List.of(new BoardFacts.Uart("uart0", 3, AddressRange.of(0x09000000L, 0x1000).orElseThrow())));

    private static BoardFacts.Area area(String name, long base, long size) {
        return new BoardFacts.Area(name, AddressRange.of(base, size).orElseThrow());
    }

    static Stream<Arguments> cases() {
        String ivshmem0 = ivshmemPeer("peer0", 0, 2, "VETH", "0x0");
        return Stream.of(
                arguments("comm-region", "the cell has no communication region", null, arm64System(),
                        arm64Cell("demo", "").replace(
                                ",\n    {\"virt_start\": \"0x80000000\", \"size\": \"0x1000\", \"flags\": \"READ|WRITE|COMM_REGION\"}",
                                "")),
                arguments("comm-region", "a second communication region (the first is region 1)", null, arm64System(),
                        cellWith("0x0", "0x90000000", "0x1000", "READ|WRITE|COMM_REGION")),
                arguments("comm-region", "the root cell has a communication region", null,
                        arm64System(region("0x0", "0x90000000", "0x1000", "READ|WRITE|COMM_REGION"), "")),
                arguments("region-size", "the region runs past the end of the 64-bit address space", null,
                        arm64System(), cellWith("0xfffffffffffff000", "0xfffffffffffff000", "0x2000", "READ|IO")),
                arguments("region-alignment", "phys_start is not page-aligned while virt_start and size are:"
                        + " the hypervisor maps the page at 0x9000000", null, arm64System(),
                        cellWith("0x9000100", "0x9001000", "0x1000", "READ|WRITE|IO|ROOTSHARED")),
                arguments("irqchip-range", "lines 1-2 are SGIs or PPIs, which no cell can be given", null,
                        arm64System(), irqchip(arm64Cell("demo", ""),
                                "{\"address\": \"0x8000000\", \"pin_base\": 0, \"pin_bitmap\": [\"0x6\", \"0\", \"0\", \"0\"]}")),
                arguments("irqchip-range", "pin_base 992 puts the bitmap beyond interrupt ID 1023: the hypervisor"
                        + " refuses the cell", null, arm64System(), irqchip(arm64Cell("demo", ""),
                                "{\"address\": \"0x8000000\", \"pin_base\": 992, \"pin_bitmap\": [\"0x1\", \"0\", \"0\", \"0\"]}")),
                arguments("irqchip-range", "lines 1020-1023 are no interrupts (IDs from 1020 are special)", null,
                        arm64System(), irqchip(arm64Cell("demo", ""),
                                "{\"address\": \"0x8000000\", \"pin_base\": 992, \"pin_bitmap\": [\"0xf0000000\", \"0\", \"0\", \"0\"]}")),
                arguments("irqchip-range", "pin_base 8 is not 0: the hypervisor refuses the cell", null, X86_SYSTEM,
                        X86_CELL),
                arguments("irqchip-range", "line 128 is beyond the 120 pins an IOAPIC can have", null, X86_SYSTEM,
                        X86_CELL),
                arguments("irqchip-address", "irqchip id 0xff01 differs from the root cell's IOAPIC at 0xfec00000"
                        + " (id 0xff00)", null, X86_SYSTEM, X86_CELL),
                arguments("console-type", "type PL011 is not supported on x86 (8250 and EFIFB are)", null,
                        X86_SYSTEM, X86_CELL),
                arguments("console-address", "console at port 0x2f8 is not in the cell's PIO regions", null,
                        X86_SYSTEM, X86_CELL),
                arguments("cpu-empty", "the CPU set is empty", null,
                        arm64System().replace("\"cpus\": \"0-3\"", "\"cpus\": \"\"")),
                arguments("ivshmem-peers", "shmem_dev_id 2 is not below shmem_peers 2", null, arm64System(),
                        ivshmem0, ivshmemPeer("peer2", 2, 2, "VETH", "0x0")),
                arguments("ivshmem-peers", "domain 0001 differs from domain 0000 of the peer in cell 'peer0'"
                        + " (PCI device 0), but the hypervisor connects the devices by bdf", null, arm64System(),
                        ivshmem0, ivshmemPeer("peer1", 1, 2, "VETH", "0x1")),
                arguments("ivshmem-peers", "shmem_peers 3 differs from shmem_peers 2 of the peer in cell 'peer0'"
                        + " (PCI device 0)", null, arm64System(), ivshmem0,
                        ivshmemPeer("peer1", 1, 3, "VETH", "0x0").replace("\"memory_regions\": [", """
                                "memory_regions": [
                                  {"phys_start": "0x7fb04000", "virt_start": "0x7fb04000", "size": "0x1000",
                                   "flags": "READ|ROOTSHARED"},""").replace("\"shmem_regions_start\": 0",
                                "\"shmem_regions_start\": 1")),
                arguments("ivshmem-peers", "shmem_protocol VIRTIO_FRONT+1 differs from VETH of the peer in cell 'peer0'"
                        + " (PCI device 0)", null, arm64System(), ivshmem0,
                        ivshmemPeer("peer1", 1, 2, "0x8001", "0x0")),
                arguments("ivshmem-layout", "shmem_regions_start 3 + 2 + shmem_peers 2 exceeds the cell's 5 memory"
                        + " regions: the hypervisor refuses the device", null, arm64System(),
                        ivshmem0.replace("\"shmem_regions_start\": 0", "\"shmem_regions_start\": 3")),
                arguments("ivshmem-layout", "the state table is writable: peers could fake each other's state"
                        + " (PCI device 0, state table)", null, arm64System(),
                        ivshmem0.replaceFirst("\"size\": \"0x1000\", \"flags\": \"READ\\|ROOTSHARED\"",
                                "\"size\": \"0x1000\", \"flags\": \"READ|WRITE|ROOTSHARED\"")),
                arguments("board-memory", "IO region covers RAM (ram 0x40000000-0x7fffffff)", BOARD, arm64System(),
                        cellWith("0x7fb00000", "0x7fb00000", "0x1000", "READ|WRITE|IO")),
                arguments("board-memory", "covers nothing on board tiny", BOARD, arm64System(),
                        cellWith("0x20000000", "0x20000000", "0x1000", "READ|WRITE|IO")),
                arguments("board-memory", "RAM region reaches beyond the board's RAM: 0x80000000-0x80000fff is no"
                        + " memory", BOARD, arm64System(), cellWith("0x7ffff000", "0x10000", "0x2000", "READ|WRITE")),
                arguments("board-gic", "lines 96-159 do not exist on board tiny (its GIC has lines 0-95)", BOARD,
                        arm64System()),
                arguments("board-gic", "gic_version 2, the board's GIC is version 3", BOARD,
                        arm64System().replace("\"gic_version\": 3", "\"gic_version\": 2")),
                arguments("board-console", "console at 0x9010000 is no UART of board tiny", BOARD, arm64System(),
                        arm64Cell("demo", region("0x9010000", "0x9010000", "0x1000", "READ|WRITE|IO"))
                                .replaceFirst("\"memory_regions\"", "\"console\": {\"address\": \"0x9010000\","
                                        + " \"type\": \"PL011\", \"flags\": \"ACCESS_MMIO\"}, \"memory_regions\"")));
    }

    private static Arguments arguments(String check, String problem, BoardFacts board, String system,
            String... cells) {
        return Arguments.of(check, problem, board, system, cells);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void theCheckFindsTheProblem(String check, String problem, BoardFacts board, String system, String[] cells)
            throws ConfigSetException {
        List<CheckInput> inputs = new ArrayList<>();
        for (String cell : cells) {
            inputs.add(CheckInput.of("cell.json", parse(cell)));
        }
        ConfigSet set = ConfigSet.of(CheckInput.of("system.json", parse(system)), inputs, board);
        List<String> problems = findings(ConfigChecker.check(set), check).stream().map(Finding::problem).toList();
        assertTrue(problems.contains(problem), "expected '" + problem + "' among " + problems);
    }

    @ParameterizedTest(name = "virtio front-end and back-end peers agree: {0}")
    @MethodSource("virtioPairs")
    void virtioFrontAndBackEndsArePeers(String front, String back, int expected) throws ConfigSetException {
        ConfigSet set = ConfigSet.of(CheckInput.of("system.json", parse(arm64System())), List.of(
                CheckInput.of("a.json", parse(ivshmemPeer("peer0", 0, 2, back, "0x0"))),
                CheckInput.of("b.json", parse(ivshmemPeer("peer1", 1, 2, front, "0x0")))), null);
        assertEquals(expected, findings(ConfigChecker.check(set), "ivshmem-peers").size());
    }

    static Stream<Arguments> virtioPairs() {
        return Stream.of(Arguments.of("0x8002", "0xc002", 0), Arguments.of("0x8002", "0xc003", 1),
                Arguments.of("0x8002", "VETH", 1));
    }
}
