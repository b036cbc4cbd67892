package dev.jhsim.machine.pci;

import dev.jhsim.machine.irq.InterruptLine;
import java.util.List;

/**
 * A PCI function as a host bridge sees it: a 4 KiB configuration space read
 * and written by byte, word or dword, the memory its BARs decode, and its INTx
 * pin. {@link ConfigSpace} implements the standard header; a device with
 * behaviour of its own can wrap one.
 */
public interface PciFunction {
    /** Reads {@code size} (1, 2 or 4) bytes at {@code offset} (0..4095, aligned to the size). */
    int readConfig(int offset, int size);

    /** Writes {@code size} (1, 2 or 4) bytes at {@code offset} (0..4095, aligned to the size). */
    void writeConfig(int offset, int size, int value);

    /** The memory windows the function decodes now: none while memory space is disabled. */
    List<BarWindow> decodedMemory();

    /** Where the function drives its interrupt pin (the one in its Interrupt Pin register). */
    void connectInterrupt(InterruptLine pin);
}
