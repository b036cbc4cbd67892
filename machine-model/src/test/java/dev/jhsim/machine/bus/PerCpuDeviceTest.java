package dev.jhsim.machine.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.sysreg.BaseRegisters;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each CPU's accesses reach its own bank of a per-CPU device. */
class PerCpuDeviceTest {
    static final long BASE = 0x0800_0000L;

    /** A bank that remembers one value and answers with it plus its CPU number in the top byte. */
    static final class Bank implements MmioDevice {
        final int cpu;
        long value;

        Bank(int cpu) {
            this.cpu = cpu;
        }

        @Override
        public long read(long offset, int size) {
            return (long) cpu << 24 | value;
        }

        @Override
        public void write(long offset, int size, long v) {
            value = v;
        }
    }

    @Test
    void loadsAndStoresOfEachCpuReachItsBank() {
        PhysicalBus bus = new PhysicalBus();
        List<Bank> banks = List.of(new Bank(0), new Bank(1));
        bus.addDevice(BASE, 0x1000, new PerCpuDevice(banks));
        SystemRegisters sysregs = BaseRegisters.create(0);
        List<Arm64Cpu> cpus = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            cpus.add(new Arm64Cpu(i, bus, sysregs, 1_000_000L));
        }
        cpus.get(1).mmu.write32(BASE, 0x55);
        assertEquals(0x55, banks.get(1).value);
        assertEquals(0, banks.get(0).value);
        assertEquals(0x0000_0000, cpus.get(0).mmu.read32(BASE));
        assertEquals(0x0100_0055, cpus.get(1).mmu.read32(BASE));
    }

    @Test
    void anAccessThatNamesNoCpuIsRefused() {
        PerCpuDevice d = new PerCpuDevice(List.of(new Bank(0)));
        assertThrows(UnsupportedOperationException.class, () -> d.read(0, 4));
        assertThrows(UnsupportedOperationException.class, () -> d.write(0, 4, 1));
    }
}
