package dev.jhsim.machine.arm64.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Hcr;
import dev.jhsim.machine.arm64.Syndrome;
import dev.jhsim.machine.arm64.el2.Esr;
import dev.jhsim.machine.arm64.el2.GuestState;
import dev.jhsim.machine.arm64.el2.Hypervisor;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.irq.InterruptController;
import dev.jhsim.machine.irq.InterruptLine;
import dev.jhsim.machine.sim.Simulation;
import dev.jhsim.machine.timer.GenericTimer;
import dev.jhsim.machine.timer.SystemCounter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Where exceptions go: HCR_EL2 traps, interrupt routing (physical to EL1 or
 * EL2, virtual ones), SMC and HVC, timer access controls, virtualized IDs and
 * injection from EL2. Each EL1 vector slot holds {@code hvc #0x100+n}, so an
 * exception taken to EL1 is reported to the recording hypervisor, which
 * stops the CPU there.
 */
class ExceptionModelTest {
    static final long CODE = 0x4000_0000L;
    static final long VECTORS = 0x4001_0000L;
    static final int HVC0 = 0xD4000002;

    final PhysicalBus bus = new PhysicalBus();
    final CpuCluster cluster;
    final Arm64Cpu cpu;
    final GuestState el2;
    final Simulation sim = new Simulation(1000);
    final List<String> seen = new ArrayList<>();
    /** What the hypervisor does with a trap it does not stop at; by default it skips the instruction. */
    Consumer<GuestState> onTrap = GuestState::skipInstruction;

    ExceptionModelTest() {
        bus.addRam(CODE, 0x10_0000);
        cluster = new CpuCluster(bus, 1, 1_000_000_000L, 0x411FD070L, i -> 0x8000_0000L | i, true);
        cpu = cluster.cpu(0);
        el2 = cluster.guest(0);
        InterruptController none = new InterruptController() {
            @Override
            public InterruptLine shared(int intid) {
                return InterruptLine.NONE;
            }

            @Override
            public InterruptLine perCpu(int index, int intid) {
                return InterruptLine.NONE;
            }
        };
        GenericTimer.install(cluster.sysregs(), cluster.cpus(), new SystemCounter(sim, 62_500_000), none,
                new GenericTimer.Interrupts(30, 27, 26));
        sim.addProcessor(cpu);
        int[] vectors = new int[0x800 / 4];
        for (int slot = 0; slot < 16; slot++) {
            vectors[slot * 0x20] = HVC0 | (0x100 + slot) << 5;
        }
        write(VECTORS, vectors);
        restart();
        cluster.installHypervisor(recorder());
    }

    /** The CPU back at the start of the code at EL1, its vectors in place, nothing seen yet. */
    void restart() {
        seen.clear();
        cpu.resetTo(CODE, 1);
        cpu.el1.vbar = VECTORS;
    }

    private Hypervisor recorder() {
        return g -> {
            if (g.kind() != Syndrome.Kind.SYNC) {
                seen.add("EL2 " + g.kind());
                g.cpu().halt("interrupt at EL2");
                return;
            }
            long esr = g.esr();
            if (Esr.ec(esr) == Esr.EC_HVC && Esr.immediate(esr) >= 0x100) {
                seen.add(String.format("EL1 vector 0x%x: ESR_EL1 0x%x ELR_EL1 0x%x SPSR_EL1 0x%x",
                        (Esr.immediate(esr) - 0x100) * 0x80, g.cpu().el1.esr, g.cpu().el1.elr, g.cpu().el1.spsr));
                g.cpu().halt("reported");
                return;
            }
            if (Esr.ec(esr) == Esr.EC_SYSREG) {
                seen.add(String.format("EL2 %s %s x%d", Esr.systemRegisterRead(esr) ? "MRS" : "MSR/SYS",
                        g.cpu().sysregs.name(Esr.systemRegisterKey(esr)), Esr.systemRegisterTransfer(esr)));
            } else {
                seen.add(String.format("EL2 EC 0x%02x ISS 0x%x ELR_EL2 0x%x", Esr.ec(esr), Esr.iss(esr), g.pc()));
            }
            if (Esr.ec(esr) == Esr.EC_HVC && Esr.immediate(esr) == 0) {
                g.cpu().halt("done");
                return;
            }
            onTrap.accept(g);
        };
    }

    void write(long at, int... words) {
        ByteBuffer b = ByteBuffer.allocate(4 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        bus.writeBytes(at, b.array(), 0, b.capacity());
    }

    void run(int... words) {
        write(CODE, words);
        sim.runUntilHalted(sim.now() + 1_000_000_000L);
    }

    static int mrs(int key, int rt) {
        return 0xD5200000 | key << 5 | rt;
    }

    static int msr(int key, int rt) {
        return 0xD5000000 | key << 5 | rt;
    }

    static int key(String name, CpuCluster c) {
        return c.sysregs().keyOf(name);
    }

    @Test
    void hcrTrapsReachEl2WithTheAccessedRegister() {
        el2.setHcr(Hcr.RW | Hcr.TACR | Hcr.TSW | Hcr.TTLB | Hcr.TRVM | Hcr.TVM);
        run(msr(key("ACTLR_EL1", cluster), 1), msr(key("DC ISW", cluster), 2), msr(key("TLBI VMALLE1", cluster), 31),
                mrs(key("SCTLR_EL1", cluster), 3), msr(key("TTBR0_EL1", cluster), 4),
                mrs(key("TPIDR_EL1", cluster), 5), HVC0);
        assertEquals(List.of("EL2 MSR/SYS ACTLR_EL1 x1", "EL2 MSR/SYS DC ISW x2", "EL2 MSR/SYS TLBI VMALLE1 x31",
                "EL2 MRS SCTLR_EL1 x3", "EL2 MSR/SYS TTBR0_EL1 x4", "EL2 EC 0x16 ISS 0x0 ELR_EL2 0x4000001c"), seen);
    }

    @Test
    void withoutTrapControlsNothingTraps() {
        run(msr(key("ACTLR_EL1", cluster), 1), msr(key("TLBI VMALLE1", cluster), 31), mrs(key("SCTLR_EL1", cluster), 3),
                HVC0);
        assertEquals(List.of("EL2 EC 0x16 ISS 0x0 ELR_EL2 0x40000010"), seen);
    }

    @Test
    void el2RegistersAreUndefinedAtEl1() {
        run(mrs(key("HCR_EL2", cluster), 0));
        assertEquals(List.of("EL1 vector 0x200: ESR_EL1 0x2000000 ELR_EL1 0x40000000 SPSR_EL1 0x3c5"), seen);
    }

    @Test
    void physicalIrqGoesToEl1WhenUnmaskedAndToEl2WhateverTheMaskWithImo() {
        cpu.daif = 0x3C0;
        cpu.setInterruptLines(true, false);
        run(0xD503201F, 0xD50342FF, 0xD503201F);              // nop; msr daifclr, #2; nop
        assertEquals(List.of("EL1 vector 0x280: ESR_EL1 0x0 ELR_EL1 0x40000008 SPSR_EL1 0x345"), seen);
        restart();
        el2.setHcr(Hcr.RW | Hcr.IMO);
        run(0xD503201F);
        assertEquals(List.of("EL2 IRQ"), seen, "masked at EL1, but routed to EL2");
    }

    @Test
    void fiqWithFmoGoesToEl2() {
        el2.setHcr(Hcr.RW | Hcr.FMO);
        cpu.setInterruptLines(false, true);
        run(0xD503201F);
        assertEquals(List.of("EL2 FIQ"), seen);
    }

    @Test
    void virtualInterruptsAndSErrorEnterEl1() {
        assertEquals("EL1 vector 0x280: ESR_EL1 0x0 ELR_EL1 0x40000000 SPSR_EL1 0x5",
                takeVirtual(Hcr.IMO, () -> el2.setVirtualIrq(true)));
        assertEquals("EL1 vector 0x300: ESR_EL1 0x0 ELR_EL1 0x40000000 SPSR_EL1 0x5",
                takeVirtual(Hcr.FMO, () -> el2.setVirtualFiq(true)));
        assertEquals("EL1 vector 0x380: ESR_EL1 0xbe000000 ELR_EL1 0x40000000 SPSR_EL1 0x5",
                takeVirtual(Hcr.AMO, () -> el2.setVirtualSError(true)));
        assertEquals(0, el2.hcr() & Hcr.VSE, "taking the virtual SError cleared HCR_EL2.VSE");
    }

    /** Runs a NOP with PSTATE.DAIF clear, {@code routing} in HCR_EL2 and a virtual exception raised: what EL1 sees. */
    private String takeVirtual(long routing, Runnable raise) {
        restart();
        cpu.daif = 0;
        el2.setHcr(Hcr.RW | routing);
        raise.run();
        run(0xD503201F);
        assertEquals(1, seen.size(), seen.toString());
        return seen.get(0);
    }

    @Test
    void virtualInterruptsWaitWhileMasked() {
        el2.setHcr(Hcr.RW | Hcr.IMO | Hcr.VI);
        run(0xD503201F, HVC0);
        assertEquals(List.of("EL2 EC 0x16 ISS 0x0 ELR_EL2 0x40000008"), seen);
    }

    @Test
    void smcGoesToFirmwareUnlessTrappedThenReturnsToItself() {
        cpu.x[0] = 0x8400_0000L;                                // PSCI_VERSION
        run(0xD4000003, 0xAA0003E1, HVC0);                       // smc #0; mov x1, x0; hvc #0
        assertEquals(0x10001, cpu.x[1], "answered by the PSCI firmware");
        restart();
        el2.setHcr(Hcr.RW | Hcr.TSC);
        run(0xD4000063, HVC0);                                   // smc #3
        assertEquals(List.of("EL2 EC 0x17 ISS 0x3 ELR_EL2 0x40000000", "EL2 EC 0x16 ISS 0x0 ELR_EL2 0x40000008"), seen);
    }

    @Test
    void hvcGoesToFirmwareWithoutAHypervisorAndIsUndefinedWithHcd() {
        cluster.installHypervisor(null);
        cpu.x[0] = 0x8400_0000L;
        run(0xD4000002, 0xAA0003E1, 0x14000000);                 // hvc #0; mov x1, x0; b .
        assertEquals(0x10001, cpu.x[1], "answered by the PSCI firmware");
        cluster.installHypervisor(recorder());
        restart();
        el2.setHcr(Hcr.RW | Hcr.HCD);
        run(0xD4000002);
        // UNDEFINED, and so is the vector's own HVC: the CPU loops taking exceptions, and virtual time passes.
        assertEquals(0x0200_0000L, cpu.el1.esr);
        assertEquals(VECTORS + 0x200, cpu.el1.elr);
        assertEquals(List.of(), seen);
    }

    @Test
    void timerAccessControls() {
        int cntvct = SystemRegisters.key(3, 3, 14, 0, 2);
        int cntpct = SystemRegisters.key(3, 3, 14, 0, 1);
        cpu.el1.elr = CODE + 0x100;
        cpu.el1.spsr = 0;                                        // EL0
        write(CODE + 0x100, mrs(cntvct, 7));
        run(0xD69F03E0);                                         // eret to EL0: CNTKCTL_EL1.EL0VCTEN is clear
        // EC 0x18, IL, ISS: Op0 3, Op2 2, Op1 3, CRn 14, Rt 7, CRm 0, read
        assertEquals(List.of("EL1 vector 0x400: ESR_EL1 0x6234f8e1 ELR_EL1 0x40000100 SPSR_EL1 0x0"), seen);
        restart();
        el2.writeSysreg("CNTHCTL_EL2", 0);
        run(mrs(cntpct, 2), msr(key("CNTP_CTL_EL0", cluster), 3), mrs(cntvct, 4), HVC0);
        assertEquals(List.of("EL2 MRS CNTPCT_EL0 x2", "EL2 MSR/SYS CNTP_CTL_EL0 x3",
                "EL2 EC 0x16 ISS 0x0 ELR_EL2 0x40000010"), seen, "the virtual counter stays accessible");
    }

    @Test
    void el1ReadsTheVirtualizedIds() {
        el2.writeSysreg("VPIDR_EL2", 0x410FD034L);
        el2.writeSysreg("VMPIDR_EL2", 0x8000_0102L);
        run(mrs(key("MIDR_EL1", cluster), 1), mrs(key("MPIDR_EL1", cluster), 2), HVC0);
        assertEquals(0x410FD034L, cpu.x[1]);
        assertEquals(0x8000_0102L, cpu.x[2]);
        assertEquals(0x411FD070L, el2.readSysreg("MIDR_EL1"), "EL2 reads the real one");
    }

    @Test
    void aHypervisorMovesTheGuestsPcAndPstate() {
        onTrap = g -> {
            g.setPc(CODE + 0x10);
            g.setPstate(g.pstate() | 0xF0000000L);
        };
        write(CODE + 0x10, 0xD53B4200, HVC0);                   // mrs x0, nzcv; hvc #0
        run(0xD4000022);                                         // hvc #1
        assertEquals(0xF0000000L, cpu.x[0], "the guest resumed where EL2 said, with its flags");
        assertEquals(2, seen.size(), seen.toString());
    }

    @Test
    void aHypervisorInjectsASynchronousException() {
        onTrap = g -> g.injectSync(0x9600_0046L, 0x1234);
        run(0xD4000022);                                         // hvc #1
        assertEquals(List.of("EL2 EC 0x16 ISS 0x1 ELR_EL2 0x40000004",
                "EL1 vector 0x200: ESR_EL1 0x96000046 ELR_EL1 0x40000004 SPSR_EL1 0x3c5"), seen);
        assertEquals(0x1234, cpu.el1.far);
    }
}
