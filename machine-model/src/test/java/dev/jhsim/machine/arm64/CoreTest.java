package dev.jhsim.machine.arm64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.machine.arm64.sysreg.BaseRegisters;
import dev.jhsim.machine.arm64.sysreg.SystemRegister;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import dev.jhsim.machine.bus.MmioDevice;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.sim.Processor;
import dev.jhsim.machine.sim.Simulation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core's plumbing around the ISA: memory faults, MMIO, code invalidation, system registers, WFI. */
class CoreTest {
    static final long CODE = 0x40000000L;
    static final long DATA = 0x40100000L;

    /** What the router saw: one line per exception. */
    final List<String> taken = new ArrayList<>();
    final PhysicalBus bus = new PhysicalBus();
    final SystemRegisters sysregs = BaseRegisters.create(0x411FD070L);
    final Arm64Cpu cpu = new Arm64Cpu(0, bus, sysregs, 1_000_000_000L);

    CoreTest() {
        bus.addRam(CODE, 1 << 21);
        cpu.setRouter((c, s) -> {
            taken.add(String.format("%s ec=%02x iss=%x far=%x pc=%x enc=%08x x0=%d", s.kind, s.ec, s.iss, s.far,
                    s.pc, s.encoding, c.x[0]));
            c.halt("stop");
        });
    }

    void code(long at, int... words) {
        ByteBuffer b = ByteBuffer.allocate(4 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        bus.writeBytes(at, b.array(), 0, b.capacity());
    }

    void runFrom(long pc) {
        cpu.pc = pc;
        Simulation sim = new Simulation(1000);
        sim.addProcessor(cpu);
        sim.runUntilHalted(1_000_000_000L);
    }

    @Test
    void accessToNothingIsASynchronousExternalAbort() {
        cpu.x[2] = 0x7000;                            // nothing mapped there
        code(CODE, 0xF9000041);                       // str x1, [x2]
        runFrom(CODE);
        // ISS: ISV, SAS=64 bit, SRT=1, SF, WnR, DFSC=synchronous external abort.
        assertEquals(List.of("SYNC ec=24 iss=1c18050 far=7000 pc=40000000 enc=00000000 x0=0"), taken);
    }

    @Test
    void singleRegisterAccessesReportTheInstructionSyndrome() {
        cpu.x[2] = 0x7000;
        code(CODE, 0x78800043);                       // ldursh x3, [x2]
        runFrom(CODE);
        int iss = 1 << 24 | 1 << 22 | 1 << 21 | 3 << 16 | 1 << 15 | 0x10;   // ISV, SAS=16 bit, SSE, SRT=3, SF
        assertEquals(List.of(String.format("SYNC ec=24 iss=%x far=7000 pc=40000000 enc=00000000 x0=0", iss)), taken);
    }

    /** What a hypervisor does with a stage-2 abort on MMIO: emulate the access from the syndrome and go on. */
    @Test
    void aRouterCanEmulateAFaultingAccessFromTheSyndromeAlone() {
        cpu.x[2] = 0x9000000;                         // nothing mapped: every access aborts
        cpu.x[5] = 0xAB;
        // ldrsb w4, [x2, #3]; strb w5, [x2]; add x0, x4, #1; svc #0
        code(CODE, 0x39C00C44, 0x39000045, 0x91000480, 0xD4000001);
        List<String> emulated = new ArrayList<>();
        cpu.setRouter((c, s) -> {
            if (s.ec == Syndrome.EC_SVC64) {
                c.halt("done");
                return;
            }
            boolean valid = (s.iss & (1 << 24)) != 0;
            int size = 1 << ((s.iss >>> 22) & 3);
            boolean signExtend = (s.iss & (1 << 21)) != 0;
            int srt = (s.iss >>> 16) & 31;
            boolean sixtyFour = (s.iss & (1 << 15)) != 0;
            boolean write = (s.iss & (1 << 6)) != 0;
            assertTrue(valid);
            if (write) {
                emulated.add(String.format("write %d byte(s) %x at %x", size, c.x[srt], s.far));
            } else {
                long value = 0x80;                    // the device's answer
                if (signExtend) {
                    value = (value << (64 - 8 * size)) >> (64 - 8 * size);
                }
                c.x[srt] = sixtyFour ? value : value & 0xFFFFFFFFL;
                emulated.add(String.format("read %d byte(s) at %x", size, s.far));
            }
            c.pc = s.pc + 4;
            c.retireEmulatedInstruction();
        });
        runFrom(CODE);
        assertEquals(List.of("read 1 byte(s) at 9000003", "write 1 byte(s) ab at 9000000"), emulated);
        assertEquals(4, cpu.retired(), "the emulated accesses count as executed");
        assertEquals(0xFFFFFF80L, cpu.x[4], "LDRSB to a W register sign-extends to 32 bits");
        assertEquals(0xFFFFFF81L, cpu.x[0]);
    }

    @Test
    void loadsAndStoresReachMmioDevicesWithTheirSize() {
        List<String> accesses = new ArrayList<>();
        bus.addDevice(0x9000000, 0x1000, new MmioDevice() {
            @Override
            public long read(long offset, int size) {
                accesses.add("r" + size + "@" + offset);
                return 0x1122334455667788L;
            }

            @Override
            public void write(long offset, int size, long value) {
                accesses.add(String.format("w%d@%d=%x", size, offset, value));
            }
        });
        cpu.x[2] = 0x9000010;
        cpu.x[1] = 0xABCD;
        // ldrb w3, [x2]; ldr w4, [x2, #4]; strh w1, [x2, #2]; svc #0
        code(CODE, 0x39400043, 0xB9400444, 0x79000441, 0xD4000001);
        runFrom(CODE);
        assertEquals(List.of("r1@16", "r4@20", "w2@18=abcd"), accesses);
        assertEquals(0x88, cpu.x[3]);
        assertEquals(0x55667788L, cpu.x[4]);
    }

    @Test
    void branchingToAMisalignedAddressIsAPcAlignmentFault() {
        cpu.x[1] = CODE + 0x102;
        code(CODE, 0xD61F0020);                       // br x1
        runFrom(CODE);
        assertEquals(List.of("SYNC ec=22 iss=0 far=40000102 pc=40000102 enc=00000000 x0=0"), taken);
    }

    @Test
    void undefinedInstructionsAreReportedWithTheirEncoding() {
        code(CODE, 0xD2800540, 0x00001234);           // mov x0, #42; udf #0x1234
        runFrom(CODE);
        assertEquals(List.of("SYNC ec=00 iss=0 far=0 pc=40000004 enc=00001234 x0=42"), taken);
        assertEquals(1, cpu.retired(), "the undefined instruction does not retire");
    }

    @Test
    void writingToCodeDropsItsDecodedForm() {
        long a = CODE;
        long b = CODE + 0x2000;
        int movX0_7 = 0xD28000E0;
        cpu.x[1] = movX0_7;
        cpu.x[2] = b;
        code(a, 0xB9000041, 0x14000000 | (int) ((b - (a + 4)) >> 2));   // str w1, [x2]; b B
        code(b, 0xD2800540, 0xD4000001);                                 // mov x0, #42; svc #0
        cpu.setRouter((c, s) -> {
            taken.add("x0=" + c.x[0]);
            if (taken.size() == 1) {
                c.pc = a;
            } else {
                c.halt("done");
            }
        });
        runFrom(b);
        assertEquals(List.of("x0=42", "x0=7"), taken);
    }

    @Test
    void systemRegistersDispatchThroughTheTable() {
        long[] backing = {0};
        sysregs.register("TEST_REG", 3, 0, 15, 0, 0, SystemRegister.of(0, c -> backing[0] + 1, (c, v) -> backing[0] = v));
        cpu.x[5] = 41;
        // msr s3_0_c15_c0_0, x5; mrs x0, s3_0_c15_c0_0; svc #0
        code(CODE, 0xD518F005, 0xD538F000, 0xD4000001);
        runFrom(CODE);
        assertEquals(41, backing[0]);
        assertEquals(List.of("SYNC ec=15 iss=0 far=0 pc=40000008 enc=00000000 x0=42"), taken);
    }

    @Test
    void unknownRegistersAreUndefined() {
        code(CODE, 0xD538F020);                       // mrs x0, s3_0_c15_c0_1: nothing registered
        runFrom(CODE);
        assertEquals(List.of("SYNC ec=00 iss=0 far=0 pc=40000000 enc=d538f020 x0=0"), taken);
    }

    @Test
    void el1RegistersAreUndefinedAtEl0() {
        assertEquals(0, cpu.el());
        code(CODE, 0xD5380000);                       // mrs x0, midr_el1
        runFrom(CODE);
        assertEquals(List.of("SYNC ec=00 iss=0 far=0 pc=40000000 enc=d5380000 x0=0"), taken);
    }

    @Test
    void pstateRegistersAtEl1() {
        cpu.setElAndSpSel(1, true);
        cpu.x[Arm64Cpu.SP] = 0x2000;
        cpu.setStackPointer(0, 0x1000);
        // mrs x0, currentel; msr daifset, #0xf; mrs x1, daif; msr spsel, #0; mov x2, sp; svc #0
        code(CODE, 0xD5384240, 0xD5034FDF, 0xD53B4221, 0xD50040BF, 0x910003E2, 0xD4000001);
        runFrom(CODE);
        assertEquals(4, cpu.x[0], "CurrentEL reads EL1 in bits 3:2");
        assertEquals(0x3C0, cpu.x[1], "DAIF has D, A, I and F set");
        assertEquals(0x1000, cpu.x[2], "SPSel #0 switched to SP_EL0");
        assertEquals(0x2000, cpu.stackPointer(1), "SP_EL1 kept in its bank");
        assertEquals(List.of("SYNC ec=15 iss=0 far=0 pc=40000014 enc=00000000 x0=4"), taken);
    }

    @Test
    void dcZvaZeroesTheAlignedBlock() {
        byte[] ones = new byte[256];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        bus.writeBytes(DATA, ones, 0, ones.length);
        cpu.x[2] = DATA + 0x47;
        code(CODE, 0xD50B7422, 0xD4000001);           // dc zva, x2; svc #0
        runFrom(CODE);
        byte[] back = new byte[256];
        bus.readBytes(DATA, back, 0, back.length);
        for (int i = 0; i < 256; i++) {
            assertEquals(i >= 0x40 && i < 0x80 ? 0 : -1, back[i], "byte " + i);
        }
    }

    @Test
    void waitForInterruptSleepsUntilTheLineRises() {
        cpu.setElAndSpSel(1, true);
        cpu.daif = 0;
        code(CODE, 0xD503207F, 0x14000000);           // wfi; b .
        cpu.pc = CODE;
        Simulation sim = new Simulation(1000);
        sim.addProcessor(cpu);
        sim.events().schedule(3_000_000_000_000L, () -> cpu.setInterruptLines(true, false));
        cpu.setRouter((c, s) -> {
            taken.add(s.kind + " at " + sim.now());
            c.halt("stop");
        });
        assertEquals(Simulation.Outcome.ALL_HALTED, sim.runUntilHalted(Long.MAX_VALUE));
        assertEquals(List.of("IRQ at 3000000000000"), taken);
        assertEquals(1, cpu.retired(), "three simulated seconds of waiting ran no instructions");
        assertEquals(Processor.State.HALTED, cpu.state());
    }
}
