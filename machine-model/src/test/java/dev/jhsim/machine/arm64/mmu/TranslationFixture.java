package dev.jhsim.machine.arm64.mmu;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Hcr;
import dev.jhsim.machine.arm64.el2.GuestState;
import dev.jhsim.machine.arm64.mem.Fault;
import dev.jhsim.machine.arm64.system.CpuCluster;
import dev.jhsim.machine.bus.PhysicalBus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A CPU at EL1 with RAM, recognizable data pages and helpers to build and
 * enable translation tables through the system registers with EL2's
 * privilege, as a Java hypervisor would; and to access memory as the CPU.
 */
abstract class TranslationFixture {
    static final long RAM = 0x4000_0000L;
    static final long TABLES = RAM + 0x0800_0000L;
    /** Physical pages holding recognizable values: page k holds k repeated in every byte. */
    static final long DATA = RAM + 0x0100_0000L;
    /** 4 KiB granule for both halves, 48-bit VAs, 16-bit ASIDs. */
    static final long TCR_48 = 16 | 16L << 16 | 2L << 30 | 1L << 36;
    static final long SCTLR_M = 1;

    final PhysicalBus bus = new PhysicalBus();
    final CpuCluster cluster;
    final Arm64Cpu cpu;
    final GuestState el2;

    TranslationFixture() {
        bus.addRam(RAM, 0x1000_0000L);
        cluster = new CpuCluster(bus, 2, 1_000_000_000L, 0x411FD070L, i -> 0x8000_0000L | i, true);
        cpu = cluster.cpu(0);
        cpu.resetTo(RAM, 1);
        el2 = cluster.guest(0);
        for (int k = 1; k <= 8; k++) {
            byte[] page = new byte[4096];
            java.util.Arrays.fill(page, (byte) (k * 0x11));
            bus.writeBytes(data(k), page, 0, page.length);
        }
    }

    static long data(int k) {
        return DATA + k * 0x1000L;
    }

    static String value(int k) {
        return Long.toHexString(0x0101010101010101L * (k * 0x11));
    }

    PageTables stage1(int startLevel, int rootBits) {
        return new PageTables(bus, TABLES, 0, startLevel, rootBits);
    }

    void enableStage1(PageTables t, long tcr, int asid) {
        el2.writeSysreg("TTBR0_EL1", t.rootAddress() | (long) asid << 48);
        el2.writeSysreg("TCR_EL1", tcr);
        el2.writeSysreg("SCTLR_EL1", el2.readSysreg("SCTLR_EL1") | SCTLR_M);
    }

    String read(long va) {
        Fault f = cpu.mmu.fault;
        long v = cpu.mmu.read64(va);
        return f.kind == Fault.NONE ? Long.toHexString(v) : fault();
    }

    String write(long va, long value) {
        cpu.mmu.write64(va, value);
        return cpu.mmu.fault.kind == Fault.NONE ? "ok" : fault();
    }

    String fetch(long va) {
        cpu.mmu.fetch(va);
        return cpu.mmu.fault.kind == Fault.NONE ? "ok" : fault();
    }

    /** Reads at EL0's permissions. */
    String readAtEl0(long va) {
        cpu.mmu.selectRegime(0);
        String r = read(va);
        cpu.mmu.selectRegime(1);
        return r;
    }

    private String fault() {
        Fault f = cpu.mmu.fault;
        String s = String.format("%s fault %02x", f.stage2 ? "stage-2" : "stage-1", f.statusCode())
                + (f.stage2 ? String.format(" ipa=%x", f.ipa) : "") + (f.s1ptw ? " s1ptw" : "");
        f.kind = Fault.NONE;
        return s;
    }

    /** Stage 2 over a 40-bit IPA space starting at level 1 (two concatenated root tables). */
    PageTables enableStage2(long poolPa, int vmid) {
        PageTables t = new PageTables(bus, poolPa, 0, 1, 10);
        el2.writeSysreg("VTCR_EL2", 24 | 1L << 6);
        el2.writeSysreg("VTTBR_EL2", t.rootAddress() | (long) vmid << 48);
        el2.setHcr(el2.hcr() | Hcr.VM);
        return t;
    }

    void writeLong(long pa, long value) {
        byte[] b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        bus.writeBytes(pa, b, 0, 8);
    }
}
