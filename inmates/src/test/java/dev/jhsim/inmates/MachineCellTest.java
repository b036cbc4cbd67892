package dev.jhsim.inmates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.fixtures.Repo;
import dev.jhsim.machine.arm64.Hcr;
import dev.jhsim.machine.arm64.el2.Esr;
import dev.jhsim.machine.arm64.el2.GuestState;
import dev.jhsim.machine.arm64.el2.Hypervisor;
import dev.jhsim.machine.board.BoardDescriptionReader;
import dev.jhsim.machine.board.Machine;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.sim.Simulation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed images on jhsim's own machine model (the qemu-arm64 board)
 * under a minimal Java EL2 - this test's, not the hypervisor core - that
 * places each image in a cell the way Jailhouse does: image at cell address
 * 0 through stage 2, communication region at 0x80000000, the UART and the
 * GIC mapped through, stage-2 faults recorded and the CPU parked. With two
 * cells it emulates one ivshmem device between them; between simulation
 * slices it can play the driver that sends a cell messages. PSCI goes to the
 * machine's firmware. What only Jailhouse provides (its hypercalls, its PSCI
 * answers, its reports) is the hypervisor core's to test.
 */
class MachineCellTest {
    private static final long CELL_RAM = 0x7f00_0000L;
    private static final long CELL_COMM = 0x7f80_0000L;
    private static final long CELL_STRIDE = 0x20_0000L;
    private static final long TABLES = 0x7e00_0000L;
    private static final long COMM_REGION_IPA = 0x8000_0000L;
    private static final long SHMEM_BLOCK = 0x7fa0_0000L;
    private static final long SHMEM = 0x7faf_0000L;
    private static final long ECAM = 0x08e0_0000L;
    private static final long DEVICES = 0x0800_0000L;
    private static final long DEVICES_END = 0x0a00_0000L;
    private static final long UART = 0x0900_0000L;
    private static final long GICD = 0x0800_0000L;
    private static final long GICR = 0x080a_0000L;
    private static final long GICC = 0x0801_0000L;
    /** machine-model's GICv2 variant of the board (QEMU's gic-version=2 frames, 8 CPUs). */
    private static final String GICV2_BOARD = "machine-model/src/test/resources/dev/jhsim/machine/board/qemu-arm64-gicv2.json";
    private static final long BLOCK = 0x20_0000L;
    private static final long MS = Simulation.PS_PER_SECOND / 1000;
    private static final int CMDLINE_ADDRESS = 0x1000;

    /** A machine with one or two cells and the Java EL2 around them. */
    static final class Cells implements Hypervisor {
        final Machine machine;
        final int cells;
        final boolean gicv2;
        final StringBuilder console = new StringBuilder();
        final List<String> faults = new ArrayList<>();
        private final long[] bar0 = new long[2];
        private final boolean[] intControl = new boolean[2];
        private long nextTable = TABLES;

        /** cells 1: one cell on every CPU; 2: cell n on CPU n. On the qemu-arm64 board (GICv3). */
        Cells(int cells) throws Exception {
            this(cells, false);
        }

        Cells(int cells, boolean gicv2) throws Exception {
            this.cells = cells;
            this.gicv2 = gicv2;
            machine = new Machine(BoardDescriptionReader.parse(
                    Files.readString(Repo.path(gicv2 ? GICV2_BOARD : "boards/qemu-arm64/board.json"))));
            machine.serial("uart0").connectOutput(b -> console.append((char) b));
            setUpGicAsLinuxLeavesIt();
            long[] roots = new long[cells];
            for (int cell = 0; cell < cells; cell++) {
                roots[cell] = stage2(cell);
                writeCommRegion(cell);
            }
            for (int cpu = 0; cpu < machine.cpus().size(); cpu++) {
                GuestState el2 = machine.guest(cpu);
                el2.writeSysreg("VTCR_EL2", 25 | 1L << 6 | 1L << 8 | 1L << 10 | 3L << 12 | 2L << 16);
                el2.writeSysreg("VTTBR_EL2", roots[cells == 1 ? 0 : Math.min(cpu, cells - 1)]);
                el2.writeSysreg("HCR_EL2", Hcr.VM | Hcr.RW);    // interrupts and SMC (PSCI) go past EL2
            }
            machine.installHypervisor(this);
        }

        /** Loads an image, with a command line at 0x1000 as "cell load ... -s ... -a 0x1000" leaves it. */
        void load(int cell, String image, String cmdline) {
            byte[] bytes = Inmates.image(image).orElseThrow();
            byte[] text = (cmdline + "\0").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, bytes, CMDLINE_ADDRESS, text.length);
            machine.load(CELL_RAM + cell * CELL_STRIDE, bytes);
        }

        void start(int cell) {
            machine.guest(cell).resetTo(0);
        }

        String run(long picoseconds) {
            machine.run(picoseconds);
            return console.toString().replace("\r", "");
        }

        /** The driver's side of the message protocol: clears the reply, posts the message, waits for an answer. */
        int exchange(int message, long limitPs) {
            long comm = CELL_COMM;
            write32(comm + 16, 0);
            write32(comm + 12, message);
            for (long waited = 0; waited < limitPs && read32(comm + 16) == 0; waited += MS) {
                machine.run(MS);
            }
            return read32(comm + 16);
        }

        int cellState() {
            return read32(CELL_COMM + 8);
        }

        @Override
        public void trap(GuestState g) {
            switch (g.exceptionClass()) {
                case Esr.EC_HVC -> {
                    if (Esr.immediate(g.esr()) == 0x4a48 && g.x(0) == 8) {
                        console.append((char) g.x(1));
                        g.setX(0, 0);
                    } else {
                        g.setX(0, -38);
                    }
                }
                case Esr.EC_DABT_LOWER -> dataAbort(g);
                default -> g.cpu().halt(String.format("unexpected trap, ESR 0x%x", g.esr()));
            }
        }

        private int cellOf(GuestState g) {
            return cells == 1 ? 0 : g.cpu().index();
        }

        private void dataAbort(GuestState g) {
            int cell = cellOf(g);
            long ipa = g.faultIpa();
            long esr = g.esr();
            boolean write = Esr.write(esr);
            if (cells == 2 && Esr.isv(esr) && ipa >= ECAM && ipa < ECAM + 0x10_0000) {
                int offset = (int) (ipa & 0xfff);
                if (write) {
                    if (offset == 0x10 && (ipa - ECAM) >> 12 == 0) {
                        bar0[cell] = g.storedValue();
                    }
                    g.skipInstruction();
                } else {
                    g.completeLoad((ipa - ECAM) >> 12 != 0 ? -1L : configRead(cell, offset) >>> (offset & 3) * 8);
                }
            } else if (cells == 2 && Esr.isv(esr) && bar0[cell] != 0 && ipa >= bar0[cell] && ipa < bar0[cell] + 0x1000) {
                long value = ivshmemRegister(cell, (int) (ipa - bar0[cell]), write, write ? g.storedValue() : 0);
                if (write) {
                    g.skipInstruction();
                } else {
                    g.completeLoad(value);
                }
            } else {
                faults.add(String.format("cell %d: %s of %d bytes at IPA 0x%x", cell, write ? "write" : "read",
                        Esr.accessSize(esr), ipa));
                g.cpu().halt("parked after an access outside its cell");
            }
        }

        private long configRead(int cell, int offset) {
            return switch (offset & ~3) {
                case 0x00 -> 0x4106110aL;           // device, vendor
                case 0x04 -> 0x0010_0000L;          // capability list
                case 0x08 -> 0xff00_0000L;          // class "other", protocol 0
                case 0x10 -> bar0[cell];
                case 0x34 -> 0x40;                  // first capability
                case 0x3c -> 1 << 8;                // INTx pin A
                case 0x40 -> 0x20 << 16 | 0x09;     // vendor capability, last
                case 0x44 -> 0x1000;                // state table size
                case 0x48 -> 0x9000;                // R/W section size
                case 0x50 -> 0x2000;                // output section size
                case 0x58 -> SHMEM;                 // shared memory address
                default -> 0;
            };
        }

        private long ivshmemRegister(int cell, int reg, boolean write, long value) {
            int peer = cell + 1;
            switch (reg) {
                case 0x00:
                    return peer;
                case 0x04:
                    return 3;
                case 0x08:
                    if (write) {
                        intControl[cell] = (value & 1) != 0;
                    }
                    return intControl[cell] ? 1 : 0;
                case 0x0c:
                    int target = (int) (value >>> 16);
                    if (write && (target == 1 || target == 2)) {
                        raiseIntx(target - 1);
                    }
                    return 0;
                case 0x10:
                    if (write) {
                        write32(SHMEM + 4L * peer, (int) value);
                        raiseIntx(1 - cell);
                    }
                    return read32(SHMEM + 4L * peer);
                default:
                    return 0;
            }
        }

        private void raiseIntx(int cell) {
            int line = 136 + cell;
            if (intControl[cell]) {
                writeDevice(GICD + 0x200 + line / 32 * 4, 1L << line % 32);     // GICD_ISPENDR
            }
        }

        /** Groups, enables and the distributor: what Linux leaves behind under Jailhouse. */
        private void setUpGicAsLinuxLeavesIt() {
            if (gicv2) {
                writeDevice(GICD, 1);       // on; interrupts stay in group 0, signalled as IRQ
                return;
            }
            for (int n = 1; n < 32; n++) {
                writeDevice(GICD + 0x80 + 4L * n, 0xffff_ffffL);               // SPIs: group 1
            }
            for (int cpu = 0; cpu < machine.cpus().size(); cpu++) {
                writeDevice(GICR + cpu * 0x20000L + 0x10080, 0xffff_ffffL);   // SGIs, PPIs: group 1
            }
            writeDevice(GICD, 0x13);                                        // ARE, group 0 and 1 on
        }

        /** Stage 2 in 2 MiB blocks; returns the level-1 table's address. */
        private long stage2(int cell) {
            long root = allocateTable();
            map(root, 0, CELL_RAM + cell * CELL_STRIDE, false);
            for (long block = DEVICES; block < DEVICES_END; block += BLOCK) {
                if (block != ECAM || cells == 1) {
                    map(root, block, block, true);
                }
            }
            map(root, SHMEM_BLOCK, SHMEM_BLOCK, false);
            map(root, COMM_REGION_IPA, CELL_COMM + cell * CELL_STRIDE, false);
            return root;
        }

        private void map(long root, long ipa, long pa, boolean device) {
            long entry = root + (ipa >>> 30) * 8;
            long table = read64(entry) & ~0xfffL;
            if (table == 0) {
                table = allocateTable();
                write64(entry, table | 3);
            }
            long attributes = (device ? 0 : 0xfL << 2) | 3L << 6 | 3L << 8 | 1L << 10;   // S2AP RW, SH, AF
            write64(table + (ipa >>> 21 & 511) * 8, pa | 1 | attributes);
        }

        private long allocateTable() {
            long table = nextTable;
            nextTable += 0x1000;
            machine.load(table, new byte[0x1000]);
            return table;
        }

        private void writeCommRegion(int cell) {
            ByteBuffer comm = ByteBuffer.allocate(0x1000).order(ByteOrder.LITTLE_ENDIAN);
            comm.put("JHCOMM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 2);
            comm.putInt(20, 1);                                  // debug console permitted
            comm.putLong(24, UART).putInt(32, 0x1000).putShort(36, (short) 3).putShort(38, (short) 3);
            comm.putLong(56, cells == 2 ? ECAM : 0);
            comm.put(64, (byte) (gicv2 ? 2 : 3)).putLong(72, GICD).putLong(gicv2 ? 80 : 88, gicv2 ? GICC : GICR);
            comm.putInt(96, 136 + cell - 32);
            machine.load(CELL_COMM + cell * CELL_STRIDE, comm.array());
        }

        private void writeDevice(long pa, long value) {
            PhysicalBus.Region r = machine.bus().find(pa);
            r.device().write(0, pa - r.base(), 4, value);
        }

        private int read32(long pa) {
            return (int) read(pa, 4);
        }

        private void write32(long pa, int value) {
            write(pa, value, 4);
        }

        private long read64(long pa) {
            return read(pa, 8);
        }

        private void write64(long pa, long value) {
            write(pa, value, 8);
        }

        /** Little-endian RAM access of 4 or 8 bytes. */
        private long read(long pa, int size) {
            byte[] bytes = new byte[8];
            machine.bus().readBytes(pa, bytes, 0, size);
            return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        }

        private void write(long pa, long value, int size) {
            byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
            machine.load(pa, Arrays.copyOf(bytes, size));
        }
    }

    /** One cell running image (with a command line) on the qemu-arm64 board or its GICv2 variant. */
    private static Cells started(String image, String cmdline, boolean gicv2) throws Exception {
        Cells cells = new Cells(1, gicv2);
        cells.load(0, image, cmdline);
        cells.start(0);
        return cells;
    }

    private static Cells started(String image, String cmdline) throws Exception {
        return started(image, cmdline, false);
    }

    private static long count(String text, String regex) {
        return text.lines().filter(l -> l.matches(regex)).count();
    }

    @Test
    void gicDemoFiresTwentyTimesInTwoSeconds() throws Exception {
        Cells cells = started("demos/arm64/gic-demo.bin", "");
        String out = cells.run(2 * Simulation.PS_PER_SECOND);
        assertTrue(out.startsWith("Initializing the GIC...\nInitializing the timer...\nTimer fired, jitter: "), out);
        long fired = count(out, "Timer fired, jitter: +\\d+ ns, min: +\\d+ ns, max: +\\d+ ns");
        assertTrue(fired >= 19 && fired <= 20, fired + " timer lines in 2 s:\n" + out);
        assertEquals(List.of(), cells.faults);
    }

    @Test
    void gicDemoOnGicV2() throws Exception {
        Cells cells = started("demos/arm64/gic-demo.bin", "", true);
        String out = cells.run(Simulation.PS_PER_SECOND);
        long fired = count(out, "Timer fired, jitter: +\\d+ ns, min: +\\d+ ns, max: +\\d+ ns");
        assertTrue(fired >= 9 && fired <= 10, fired + " timer lines in 1 s:\n" + out);
    }

    @Test
    void smpOnGicV2SendsTheSgiThroughTheDistributor() throws Exception {
        Cells cells = started("tests/arm64/smp.bin", "", true);
        String out = cells.run(200 * MS);
        assertTrue(out.contains("SMP test: second CPU received SGI 1\n"), out);
        assertTrue(out.endsWith("SMP test: all 6 checks passed\n"), out);
    }

    @Test
    void uartDemoPrintsAtItsInterval() throws Exception {
        Cells cells = started("demos/arm64/uart-demo.bin", "interval-ms=100");
        String out = cells.run(1050 * MS);
        assertEquals(11, count(out, "Hello \\d+ from cell!"), out);
        assertTrue(out.contains("Hello 1 from cell!\nHello 2 from cell!\n"), out);
    }

    @Test
    void violationIsParkedAtItsWrite() throws Exception {
        Cells cells = started("tests/arm64/violation.bin", "");
        String out = cells.run(100 * MS);
        assertEquals("Access violation test: running\n"
                + "Access violation test: writing to 0x40000000, outside this cell\n", out);
        assertEquals(List.of("cell 0: write of 4 bytes at IPA 0x40000000"), cells.faults);
        assertEquals("parked after an access outside its cell", cells.machine.cpu(0).haltReason());
        assertFalse(out.contains("went through"));
    }

    @Test
    void smpStartsAndStopsTheSecondCpu() throws Exception {
        Cells cells = started("tests/arm64/smp.bin", "");
        String out = cells.run(200 * MS);
        assertTrue(out.contains("SMP test: hello from the second CPU, MPIDR 0x1\n"), out);
        assertTrue(out.contains("SMP test: second CPU received SGI 1\n"), out);
        assertTrue(out.endsWith("SMP test: all 6 checks passed\n"), out);
    }

    @Test
    void shutdownDenyAnswersTheProtocol() throws Exception {
        Cells cells = started("tests/arm64/shutdown-deny.bin", "lock");
        cells.run(50 * MS);
        assertEquals(1, cells.cellState(), "RUNNING_LOCKED");
        assertEquals(4, cells.exchange(2, 100 * MS), "RECONFIG_COMPLETED acknowledged (RECEIVED)");
        assertEquals(2, cells.exchange(1, 100 * MS), "first SHUTDOWN_REQUEST: DENIED");
        assertEquals(1, cells.cellState());
        assertEquals(3, cells.exchange(1, 100 * MS), "second SHUTDOWN_REQUEST: APPROVED");
        assertEquals(2, cells.cellState(), "SHUT_DOWN");
        assertEquals("Shutdown test: cell locked\nShutdown test: waiting for shutdown requests\n"
                + "Shutdown test: request 1 denied\nShutdown test: request 2 approved, stopping\n", cells.run(MS));
    }

    @Test
    void ivshmemDemoRingsBothWays() throws Exception {
        Cells cells = new Cells(2);
        cells.load(0, "demos/arm64/ivshmem-demo.bin", "");
        cells.load(1, "demos/arm64/ivshmem-demo.bin", "");
        cells.start(0);
        cells.start(1);
        String out = cells.run(1200 * MS);
        assertTrue(out.contains("IVSHMEM: device 00:00.0, ID 1 of 3 peers, interrupt 136\n"), out);
        assertTrue(out.contains("IVSHMEM: device 00:00.0, ID 2 of 3 peers, interrupt 137\n"), out);
        assertTrue(out.contains("IVSHMEM: peer 1 got a doorbell: peer 2 says 2\n"), out);
        assertTrue(out.contains("IVSHMEM: peer 2 got a doorbell: peer 1 says 2\n"), out);
    }
}
