package dev.jhsim.config.model;

import static dev.jhsim.config.model.Ranges.u32;
import static dev.jhsim.config.model.Ranges.u8;

/** {@code struct jailhouse_qos_device} (MinervaSys): a QoS-capable interconnect master of a cell. */
public record QosDevice(String name, int flags, long base) {
    /** Bytes of the name field, terminator included. */
    public static final int NAME_BYTES = 15;

    public QosDevice {
        Names.check(name, NAME_BYTES, "QoS device name");
        u8(flags, "QoS device flags");
        u32(base, "QoS device base");
    }
}
