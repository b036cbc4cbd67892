package dev.jhsim.machine.gic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Syndrome;
import dev.jhsim.machine.arm64.sysreg.BaseRegisters;
import dev.jhsim.machine.arm64.sysreg.SystemRegister;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import dev.jhsim.machine.board.BoardDescription;
import dev.jhsim.machine.board.BoardDescription.Region;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.sim.Simulation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * CPUs, a bus and a GIC at QEMU virt's addresses, with helpers to access
 * the GIC as a CPU does: MMIO naming the accessing CPU, system registers at
 * a given exception level, and real instructions for what the core decides
 * (UNDEFINED, traps).
 */
final class TestMachine {
    static final long GICD = 0x08000000L;
    static final long GICC = 0x08010000L;
    static final long GICH = 0x08030000L;
    static final long GICV = 0x08040000L;
    static final long GICR = 0x080A0000L;
    static final long SGI_BASE = 0x10000;
    static final long RAM = 0x40000000L;

    // ICC_*_EL1 and ICH_*_EL2 encodings
    static final int ICC_PMR = SystemRegisters.key(3, 0, 4, 6, 0);
    static final int ICC_IAR0 = SystemRegisters.key(3, 0, 12, 8, 0);
    static final int ICC_EOIR0 = SystemRegisters.key(3, 0, 12, 8, 1);
    static final int ICC_HPPIR0 = SystemRegisters.key(3, 0, 12, 8, 2);
    static final int ICC_BPR0 = SystemRegisters.key(3, 0, 12, 8, 3);
    static final int ICC_AP0R0 = SystemRegisters.key(3, 0, 12, 8, 4);
    static final int ICC_AP1R0 = SystemRegisters.key(3, 0, 12, 9, 0);
    static final int ICC_DIR = SystemRegisters.key(3, 0, 12, 11, 1);
    static final int ICC_RPR = SystemRegisters.key(3, 0, 12, 11, 3);
    static final int ICC_SGI1R = SystemRegisters.key(3, 0, 12, 11, 5);
    static final int ICC_ASGI1R = SystemRegisters.key(3, 0, 12, 11, 6);
    static final int ICC_SGI0R = SystemRegisters.key(3, 0, 12, 11, 7);
    static final int ICC_IAR1 = SystemRegisters.key(3, 0, 12, 12, 0);
    static final int ICC_EOIR1 = SystemRegisters.key(3, 0, 12, 12, 1);
    static final int ICC_HPPIR1 = SystemRegisters.key(3, 0, 12, 12, 2);
    static final int ICC_BPR1 = SystemRegisters.key(3, 0, 12, 12, 3);
    static final int ICC_CTLR = SystemRegisters.key(3, 0, 12, 12, 4);
    static final int ICC_SRE = SystemRegisters.key(3, 0, 12, 12, 5);
    static final int ICC_IGRPEN0 = SystemRegisters.key(3, 0, 12, 12, 6);
    static final int ICC_IGRPEN1 = SystemRegisters.key(3, 0, 12, 12, 7);
    static final int ICC_SRE_EL2 = SystemRegisters.key(3, 4, 12, 9, 5);
    static final int ICH_AP0R0 = SystemRegisters.key(3, 4, 12, 8, 0);
    static final int ICH_AP1R0 = SystemRegisters.key(3, 4, 12, 9, 0);
    static final int ICH_HCR = SystemRegisters.key(3, 4, 12, 11, 0);
    static final int ICH_VTR = SystemRegisters.key(3, 4, 12, 11, 1);
    static final int ICH_MISR = SystemRegisters.key(3, 4, 12, 11, 2);
    static final int ICH_EISR = SystemRegisters.key(3, 4, 12, 11, 3);
    static final int ICH_ELRSR = SystemRegisters.key(3, 4, 12, 11, 5);
    static final int ICH_VMCR = SystemRegisters.key(3, 4, 12, 11, 7);

    static int ichLr(int n) {
        return SystemRegisters.key(3, 4, 12, 12, n);
    }

    final PhysicalBus bus = new PhysicalBus();
    final SystemRegisters sysregs = BaseRegisters.create(0x411FD070L);
    final List<Arm64Cpu> cpus = new ArrayList<>();
    /** What the exception router saw, one line per exception. */
    final List<String> exceptions = new ArrayList<>();
    final Gic gic;

    private TestMachine(int cpuCount, BoardDescription.InterruptController description) {
        bus.addRam(RAM, 1 << 20);
        for (int i = 0; i < cpuCount; i++) {
            Arm64Cpu cpu = new Arm64Cpu(i, bus, sysregs, 1_000_000_000L);
            cpu.setRouter((c, s) -> {
                exceptions.add(String.format("cpu%d %s ec=%02x iss=%x pc=%x", c.index(), s.kind, s.ec, s.iss, s.pc));
                c.halt("exception");
            });
            cpus.add(cpu);
        }
        gic = GicFactory.create(description, cpus, bus);
    }

    /** A GICv3 with {@code spis} SPIs, as on qemu-arm64. */
    static TestMachine gicv3(int cpuCount, int spis) {
        return new TestMachine(cpuCount, new BoardDescription.InterruptController("gicv3", spis,
                new Region("gicd", GICD, 0x10000), new Region("gicr", GICR, 0xF60000), 0x20000, null, null, null,
                25));
    }

    /** A GICv2 (GIC-400) at QEMU virt's gic-version=2 addresses. */
    static TestMachine gicv2(int cpuCount, int spis) {
        return new TestMachine(cpuCount, new BoardDescription.InterruptController("gicv2", spis,
                new Region("gicd", GICD, 0x10000), null, 0, new Region("gicc", GICC, 0x10000),
                new Region("gich", GICH, 0x10000), new Region("gicv", GICV, 0x10000), 25));
    }

    Arm64Cpu cpu(int i) {
        return cpus.get(i);
    }

    // ---- MMIO as CPU n ----

    long read(int cpu, long pa, int size) {
        PhysicalBus.Region r = bus.find(pa);
        assertNotNull(r, () -> String.format("nothing at 0x%x", pa));
        return r.device().read(cpu, pa - r.base(), size);
    }

    long read32(int cpu, long pa) {
        return read(cpu, pa, 4);
    }

    void write(int cpu, long pa, int size, long value) {
        PhysicalBus.Region r = bus.find(pa);
        assertNotNull(r, () -> String.format("nothing at 0x%x", pa));
        r.device().write(cpu, pa - r.base(), size, value);
    }

    void write32(int cpu, long pa, long value) {
        write(cpu, pa, 4, value);
    }

    /** The redistributor of CPU {@code cpu}, plus {@code offset}. */
    static long gicr(int cpu, long offset) {
        return GICR + cpu * 0x20000L + offset;
    }

    // ---- system registers as CPU n at EL el, through the table as MRS/MSR would ----

    long mrs(int cpu, int el, int key) {
        Arm64Cpu c = atEl(cpu, el);
        SystemRegister r = sysregs.lookup(key);
        assertNotNull(r, sysregs.name(key) + " does not exist");
        assertTrue(r.readable() && el >= r.minimumEl(), sysregs.name(key) + " is not readable at EL" + el);
        assertEquals(0, r.trap(c, false), sysregs.name(key) + " traps");
        return r.read(c);
    }

    void msr(int cpu, int el, int key, long value) {
        Arm64Cpu c = atEl(cpu, el);
        SystemRegister r = sysregs.lookup(key);
        assertNotNull(r, sysregs.name(key) + " does not exist");
        assertTrue(r.writable() && el >= r.minimumWriteEl(), sysregs.name(key) + " is not writable at EL" + el);
        assertEquals(0, r.trap(c, true), sysregs.name(key) + " traps");
        r.write(c, value);
    }

    private Arm64Cpu atEl(int cpu, int el) {
        Arm64Cpu c = cpus.get(cpu);
        if (c.el() != el) {
            c.setElAndSpSel(el, true);
        }
        return c;
    }

    // ---- instructions ----

    static final int BRK = 0xD4200000;

    /** MRS (read) or MSR (write) Xt of the register with table key {@code key}. */
    static int sysregInsn(boolean read, int key, int rt) {
        return 0xD5000000 | (read ? 1 << 21 : 0) | 1 << 20 | key << 5 | rt;
    }

    /** Runs {@code words} on CPU {@code cpu} at EL {@code el} until an exception stops it. */
    void run(int cpu, int el, int... words) {
        long at = RAM + cpu * 0x1000L;
        ByteBuffer b = ByteBuffer.allocate(4 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        bus.writeBytes(at, b.array(), 0, b.capacity());
        Arm64Cpu c = atEl(cpu, el);
        c.flushDecodedCode();
        c.pc = at;
        Simulation sim = new Simulation(1000);
        sim.addProcessor(c);
        sim.runUntilHalted(1_000_000L);
    }

    static String syndrome(int cpu, int ec, int iss, long pc) {
        return String.format("cpu%d SYNC ec=%02x iss=%x pc=%x", cpu, ec, iss, pc);
    }

    static final int EC_SYSREG = Syndrome.EC_SYSREG;
}
