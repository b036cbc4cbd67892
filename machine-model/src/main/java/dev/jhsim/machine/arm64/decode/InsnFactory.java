package dev.jhsim.machine.arm64.decode;

import dev.jhsim.machine.arm64.Insn;

/** Builds the decoded form of an instruction from the fields its pattern matched. */
@FunctionalInterface
public interface InsnFactory {
    Insn create(Fields f);
}
