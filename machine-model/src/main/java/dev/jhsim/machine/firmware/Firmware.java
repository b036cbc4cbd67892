package dev.jhsim.machine.firmware;

import dev.jhsim.machine.arm64.Arm64Cpu;

/**
 * What answers an SMC that EL2 does not trap (and an HVC when no hypervisor
 * is installed): EL3 firmware, emulated in Java. Arguments and results are in
 * X0-X3 (SMC calling convention); the caller resumes after the instruction.
 */
@FunctionalInterface
public interface Firmware {
    void call(Arm64Cpu caller);
}
