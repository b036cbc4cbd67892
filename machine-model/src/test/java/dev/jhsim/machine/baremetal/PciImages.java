package dev.jhsim.machine.baremetal;

import dev.jhsim.machine.board.Machine;
import dev.jhsim.machine.bus.MmioDevice;
import dev.jhsim.machine.pci.ConfigSpace;
import dev.jhsim.machine.pci.PciAddress;

/** The device the PCI image expects at 00:01.0: a 4 KiB memory BAR whose register 0 reads 0xc0ffee and register 1 drives INTA. */
final class PciImages {
    private PciImages() {
    }

    static void attachTestDevice(Machine machine) {
        ConfigSpace[] function = new ConfigSpace[1];
        MmioDevice registers = new MmioDevice() {
            @Override
            public long read(long offset, int size) {
                return offset == 0 ? 0xC0FFEE : 0;
            }

            @Override
            public void write(long offset, int size, long value) {
                if (offset == 4) {
                    function[0].setInterrupt(value != 0);
                }
            }
        };
        function[0] = new ConfigSpace(0x1234, 0x5678, 0xFF0000, 1).interruptPin(1)
                .memoryBar(0, 0x1000, false, false, registers);
        machine.devices().pciHost("pcie").attach(new PciAddress(0, 1, 0), function[0]);
    }
}
