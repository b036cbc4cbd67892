package dev.jhsim.config.model;

import static dev.jhsim.config.model.Ranges.u16;

/** {@code struct jailhouse_pio}: an x86 port I/O range a cell may access. */
public record PioRegion(int base, int length) {
    public PioRegion {
        u16(base, "pio base");
        u16(length, "pio length");
    }
}
