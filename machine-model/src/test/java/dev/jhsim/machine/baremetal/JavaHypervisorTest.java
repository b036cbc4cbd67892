package dev.jhsim.machine.baremetal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.machine.arm64.Hcr;
import dev.jhsim.machine.arm64.Syndrome;
import dev.jhsim.machine.arm64.el2.Esr;
import dev.jhsim.machine.arm64.el2.GuestState;
import dev.jhsim.machine.arm64.el2.Hypervisor;
import dev.jhsim.machine.arm64.mmu.PageTables;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import dev.jhsim.machine.board.Machine;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.sim.Simulation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The second "done when": a Java hypervisor - this test's, not the
 * real core - maps guest.bin through stage 2 (its RAM at IPA 0x40000000 in
 * physical memory at 0x48000000), emulates the guest's UART from the
 * data-abort syndromes, answers its hypercall and trapped SMC, WFI and
 * CONTEXTIDR_EL1 write, turns a fetch from a no-execute page back to the
 * caller, injects virtual interrupts through a list register
 * (one of them a physical SPI it took at EL2 and forwards hardware-linked),
 * and catches the guest's write outside the stage-2 map with the exact
 * ESR_EL2, FAR_EL2 and HPFAR_EL2.
 */
class JavaHypervisorTest {
    static final long GUEST_RAM_IPA = 0x4000_0000L;
    static final long GUEST_RAM_PA = 0x4800_0000L;
    static final long READ_ONLY_IPA = 0x4040_0000L;
    static final long READ_ONLY_PA = 0x4900_0000L;
    static final long NO_EXECUTE_IPA = 0x4060_0000L;
    static final long STAGE2_POOL = 0x4F00_0000L;
    static final long UART_IPA = 0x0900_0000L;
    static final long GICD = 0x0800_0000L;
    static final long GICC = 0x0801_0000L;
    static final long GICH = 0x0803_0000L;
    static final long GICV = 0x0804_0000L;
    static final int SPI = 40;

    /** The test hypervisor: what it saw, in order, and the guest's console. */
    static final class TestHypervisor implements Hypervisor {
        final Machine machine;
        final boolean gicv3;
        final StringBuilder console = new StringBuilder();
        final List<String> traps = new ArrayList<>();
        long readOnlyEsr;
        long fetchEsr;
        long msrEsr;
        long wfiEsr;
        long violationEsr;
        long violationFar;
        long violationHpfar;

        TestHypervisor(Machine machine) {
            this.machine = machine;
            this.gicv3 = machine.gic().version() == 3;
        }

        @Override
        public void trap(GuestState g) {
            if (g.kind() == Syndrome.Kind.IRQ) {
                forwardPhysicalInterrupt(g);
                return;
            }
            switch (g.exceptionClass()) {
                case Esr.EC_DABT_LOWER -> dataAbort(g);
                case Esr.EC_IABT_LOWER -> {
                    fetchEsr = g.esr();
                    traps.add(String.format("instruction abort at IPA 0x%x: FAR 0x%x HPFAR 0x%x, back to X30",
                            g.faultIpa(), g.far(), g.hpfar()));
                    g.setPc(g.x(30));
                }
                case Esr.EC_HVC -> hypercall(g);
                case Esr.EC_SMC -> {
                    traps.add(String.format("SMC #%d, function 0x%x, ELR_EL2 at the SMC: %b", Esr.immediate(g.esr()),
                            g.x(0), g.cpu().mmu.read32(g.pc()) == 0xD4000003));
                    g.setX(0, 0x10002);
                    g.skipInstruction();
                }
                case Esr.EC_SYSREG -> {
                    long esr = g.esr();
                    String name = g.cpu().sysregs.name(Esr.systemRegisterKey(esr));
                    long value = g.x(Esr.systemRegisterTransfer(esr));
                    msrEsr = esr;
                    traps.add(String.format("MSR %s, 0x%x", name, value));
                    g.writeSysreg(name, value);
                    g.skipInstruction();
                }
                case Esr.EC_WFX -> {
                    wfiEsr = g.esr();
                    traps.add("WFI");
                    g.skipInstruction();
                }
                default -> g.cpu().halt(String.format("unexpected trap, ESR 0x%x", g.esr()));
            }
        }

        private void dataAbort(GuestState g) {
            long ipa = g.faultIpa();
            long esr = g.esr();
            if ((ipa & ~0xFFFL) == UART_IPA && Esr.isv(esr)) {
                if (Esr.write(esr) && ipa == UART_IPA) {
                    console.append((char) g.storedValue());
                    g.skipInstruction();
                } else {
                    g.completeLoad(0);        // the flag register: never busy
                }
                return;
            }
            if (ipa == READ_ONLY_IPA) {
                readOnlyEsr = esr;
                traps.add(String.format("write of %d bytes, 0x%x, to the read-only page: FAR 0x%x HPFAR 0x%x",
                        Esr.accessSize(esr), g.storedValue(), g.far(), g.hpfar()));
                g.skipInstruction();
                return;
            }
            violationEsr = esr;
            violationFar = g.far();
            violationHpfar = g.hpfar();
            traps.add(String.format("violation: %s of %d bytes at IPA 0x%x, value 0x%x: CPU parked",
                    Esr.write(esr) ? "write" : "read", Esr.accessSize(esr), ipa, g.storedValue()));
            g.cpu().halt("parked after an access outside its stage-2 map");
        }

        private void hypercall(GuestState g) {
            traps.add(String.format("HVC #0x%x, function %d", Esr.immediate(g.esr()), g.x(0)));
            switch ((int) g.x(0)) {
                case 1 -> g.setX(0, g.x(1) + g.x(2));
                case 2 -> inject(g, (int) g.x(1), -1);
                case 3 -> physicalWrite(GICD + 0x200 + SPI / 32 * 4, 1L << SPI % 32);   // GICD_ISPENDR
                default -> g.setX(0, -1);
            }
        }

        /** A physical interrupt taken at EL2 (HCR_EL2.IMO): acknowledge it, drop its priority, hand it on. */
        private void forwardPhysicalInterrupt(GuestState g) {
            int id;
            if (gicv3) {
                id = (int) g.readSysreg("ICC_IAR1_EL1");
                g.writeSysreg("ICC_EOIR1_EL1", id);
            } else {
                id = (int) physicalRead(GICC + 0x0C);
                physicalWrite(GICC + 0x10, id);
            }
            traps.add("IRQ " + id + " at EL2, forwarded hardware-linked");
            inject(g, id, id);
        }

        /** Puts virtual interrupt {@code vintid} in a free list register, linked to {@code pintid} unless negative. */
        private void inject(GuestState g, int vintid, int pintid) {
            int lr = pintid < 0 ? 0 : 1;
            if (gicv3) {
                long value = 1L << 62 | 1L << 60 | 0xA0L << 48 | vintid
                        | (pintid < 0 ? 0 : 1L << 61 | (long) pintid << 32);
                g.writeSysreg("ICH_LR" + lr + "_EL2", value);
            } else {
                long value = 1L << 28 | (0xA0L >> 3) << 23 | vintid | (pintid < 0 ? 0 : 1L << 31 | (long) pintid << 10);
                physicalWrite(GICH + 0x100 + 4L * lr, value);
            }
        }

        void setUpGic(GuestState g) {
            physicalWrite(GICD, gicv3 ? 3 : 1);
            physicalWrite(GICD + 0x104, 1L << SPI % 32);                  // GICD_ISENABLER1
            machine.bus().find(GICD).device().write(0, 0x400 + SPI, 1, 0xA0);
            if (gicv3) {
                physicalWrite(GICD + 0x84, 1L << SPI % 32);               // group 1
                physicalWrite(0x080A_0014L, 0);                           // GICR_WAKER of CPU 0
                g.writeSysreg("ICC_CTLR_EL1", 2);                         // EOImode 1: the guest deactivates
                g.writeSysreg("ICC_PMR_EL1", 0xFF);
                g.writeSysreg("ICC_IGRPEN1_EL1", 1);
                g.writeSysreg("ICH_HCR_EL2", 1);
            } else {
                machine.bus().find(GICD).device().write(0, 0x800 + SPI, 1, 1);   // ITARGETSR: CPU 0
                physicalWrite(GICC, 1 | 1 << 9);                          // enabled, EOImodeNS
                physicalWrite(GICC + 4, 0xFF);
                physicalWrite(GICH, 1);                                   // GICH_HCR.En
            }
        }

        private void physicalWrite(long pa, long value) {
            PhysicalBus.Region r = machine.bus().find(pa);
            r.device().write(0, pa - r.base(), 4, value);
        }

        long physicalRead(long pa) {
            PhysicalBus.Region r = machine.bus().find(pa);
            return r.device().read(0, pa - r.base(), 4);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {BareMetal.GICV3, BareMetal.GICV2})
    void aJavaHypervisorRunsAGuestBehindStageTwo(String board) throws IOException {
        Machine machine = BareMetal.machine(board);
        TestHypervisor hypervisor = new TestHypervisor(machine);
        GuestState el2 = machine.guest(0);

        long rw = PageTables.S2_NORMAL | PageTables.S2_READ | PageTables.S2_WRITE;
        PageTables stage2 = new PageTables(machine.bus(), STAGE2_POOL, 0, 1, 10);
        stage2.map(GUEST_RAM_IPA, GUEST_RAM_PA, 2, rw);
        stage2.map(READ_ONLY_IPA, READ_ONLY_PA, 3, PageTables.S2_NORMAL | PageTables.S2_READ);
        stage2.map(NO_EXECUTE_IPA, READ_ONLY_PA, 3, PageTables.S2_NORMAL | PageTables.S2_READ | PageTables.S2_XN);
        if (!hypervisor.gicv3) {
            long device = 1L << 10 | 1L << 6 | 1L << 7 | PageTables.S2_XN;   // AF, RW, Device-nGnRnE, XN
            stage2.map(GICC, GICV, 3, device);
            stage2.map(GICC + 0x1000, GICV + 0x1000, 3, device);
        }
        el2.writeSysreg("VTCR_EL2", 24 | 1L << 6 | 2L << 16);        // 40-bit IPA, start at level 1, 4 KiB
        el2.writeSysreg("VTTBR_EL2", stage2.rootAddress() | 1L << 48);
        el2.writeSysreg("HCR_EL2", Hcr.VM | Hcr.IMO | Hcr.FMO | Hcr.AMO | Hcr.TSC | Hcr.TWI | Hcr.TVM | Hcr.RW);
        hypervisor.setUpGic(el2);
        machine.installHypervisor(hypervisor);
        machine.load(GUEST_RAM_PA + 0x80000, BareMetal.image("guest"));
        el2.resetTo(GUEST_RAM_IPA + 0x80000);

        assertEquals(Simulation.Outcome.ALL_HALTED, machine.run(Simulation.PS_PER_SECOND));
        assertEquals("parked after an access outside its stage-2 map", machine.cpu(0).haltReason());
        String suffix = hypervisor.gicv3 ? "" : "-gicv2";
        assertEquals(BareMetal.resource("guest" + suffix + ".out"), hypervisor.console.toString());

        assertEquals(List.of(
                "HVC #0x77, function 1",
                "SMC #0, function 0x84000000, ELR_EL2 at the SMC: true",
                "write of 8 bytes, 0x1, to the read-only page: FAR 0x40400000 HPFAR 0x404000",
                "MSR CONTEXTIDR_EL1, 0x77",
                "WFI",
                "instruction abort at IPA 0x40600000: FAR 0x40600000 HPFAR 0x406000, back to X30",
                "HVC #0x77, function 2",
                "HVC #0x77, function 3",
                "IRQ 40 at EL2, forwarded hardware-linked",
                "violation: write of 4 bytes at IPA 0x70000010, value 0xdead: CPU parked"), hypervisor.traps);
        // The syndromes in full, but for the register numbers the compiler chose (SRT, Rt):
        // a 64-bit store's stage-2 permission fault at level 3 (EC 0x24, IL, ISV, SAS, SF, WnR, DFSC 0x0F),
        long srt = 31L << 16;
        assertEquals(0x24L << 26 | 1L << 25 | 1L << 24 | 3L << 22 | 1L << 15 | 1L << 6 | 0x0F,
                hypervisor.readOnlyEsr & ~srt);
        // the MSR that HCR_EL2.TVM trapped (EC 0x18, Op0 3, Op1 0, CRn 13, CRm 0, Op2 1, a write),
        long rt = 31L << 5;
        int contextidr = SystemRegisters.key(3, 0, 13, 0, 1);
        assertEquals(0x18L << 26 | 1L << 25 | Syndrome.systemAccessIss(contextidr, 0, false), hypervisor.msrEsr & ~rt);
        // the WFI that TWI trapped (EC 0x01, IL, CV, COND 0b1110, TI 0),
        assertEquals(0x01L << 26 | 1L << 25 | 1L << 24 | 0xEL << 20, hypervisor.wfiEsr);
        // and the fetch from the XN page (EC 0x20, IL, IFSC: permission fault at level 3).
        assertEquals(0x20L << 26 | 1L << 25 | 0x0F, hypervisor.fetchEsr);

        // The write outside the map: EC 0x24 from a lower level, IL, ISV, SAS 32-bit, SRT 5 (w5), WnR,
        // translation fault at level 2 (the level-2 table covering 0x40000000-0x7fffffff has no entry there).
        assertEquals(0x24L << 26 | 1L << 25 | 1L << 24 | 2L << 22 | 5L << 16 | 1L << 6 | 0x06, hypervisor.violationEsr);
        assertEquals(0x7000_0010L, hypervisor.violationFar, "FAR_EL2: the guest's virtual address (its MMU is off)");
        assertEquals(0x7000_0010L >>> 12 << 4, hypervisor.violationHpfar, "HPFAR_EL2: IPA bits 47:12 in 43:4");
        assertEquals(0, hypervisor.physicalRead(GICD + 0x304) & 1L << SPI % 32,
                "the guest's EOI of the hardware-linked interrupt deactivated physical SPI 40");
    }
}
