package dev.jhsim.machine.arm64;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jhsim.machine.arm64.sysreg.BaseRegisters;
import dev.jhsim.machine.arm64.sysreg.SystemRegister;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import dev.jhsim.machine.bus.PhysicalBus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A register entry can trap an access to EL2: EC 0x18 with the MSR/MRS syndrome, and the access does not happen. */
class SystemRegisterTrapTest {
    static final long CODE = 0x40000000L;
    /** S3_0_C15_C2_0, an IMPLEMENTATION DEFINED encoding nothing else uses. */
    static final int KEY = SystemRegisters.key(3, 0, 15, 2, 0);

    final PhysicalBus bus = new PhysicalBus();
    final SystemRegisters sysregs = BaseRegisters.create(0);
    final Arm64Cpu cpu = new Arm64Cpu(0, bus, sysregs, 1_000_000L);
    final List<String> taken = new ArrayList<>();
    boolean trapping = true;
    long value = 7;

    SystemRegisterTrapTest() {
        bus.addRam(CODE, 1 << 16);
        sysregs.register("TEST", 3, 0, 15, 2, 0, new SystemRegister() {
            @Override
            public long read(Arm64Cpu c) {
                return value;
            }

            @Override
            public void write(Arm64Cpu c, long v) {
                value = v;
            }

            @Override
            public int trap(Arm64Cpu c, boolean write) {
                return trapping ? 2 : 0;
            }
        });
        cpu.setRouter((c, s) -> {
            taken.add(String.format("ec=%02x iss=%x pc=%x ret=%x", s.ec, s.iss, s.pc, s.returnPc));
            c.halt("stop");
        });
        cpu.setElAndSpSel(1, true);
    }

    void run(int... words) {
        ByteBuffer b = ByteBuffer.allocate(4 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        bus.writeBytes(CODE, b.array(), 0, b.capacity());
        cpu.pc = CODE;
        cpu.run(100);
    }

    static int access(boolean read, int rt) {
        return 0xD5000000 | (read ? 1 << 21 : 0) | 1 << 20 | KEY << 5 | rt;
    }

    @Test
    void trappedWriteChangesNothingAndReportsRtAndTheEncoding() {
        cpu.x[3] = 99;
        run(access(false, 3));
        // Op0 3, Op2 0, Op1 0, CRn 15, Rt 3, CRm 2, write
        int iss = 3 << 20 | 15 << 10 | 3 << 5 | 2 << 1;
        assertEquals(List.of(String.format("ec=18 iss=%x pc=%x ret=%x", iss, CODE, CODE)), taken);
        assertEquals(7, value);
    }

    @Test
    void trappedReadLeavesTheRegisterAlone() {
        cpu.x[5] = 1234;
        run(access(true, 5));
        int iss = 3 << 20 | 15 << 10 | 5 << 5 | 2 << 1 | 1;
        assertEquals(List.of(String.format("ec=18 iss=%x pc=%x ret=%x", iss, CODE, CODE)), taken);
        assertEquals(1234, cpu.x[5]);
    }

    @Test
    void untrappedAccessesHappen() {
        trapping = false;
        run(access(true, 5), 0xD4200000);              // mrs x5, ...; brk #0
        assertEquals(7, cpu.x[5]);
        assertEquals(1, taken.size());
        assertEquals(0x3C, Integer.parseInt(taken.get(0).substring(3, 5), 16), "only the BRK");
    }
}
