package dev.jhsim.config.model;

import static dev.jhsim.config.model.Ranges.u16;
import static dev.jhsim.config.model.Ranges.u32;
import static dev.jhsim.config.model.Ranges.u8;

/** {@code struct jailhouse_cache}: a cache partition (CAT) assigned to a cell. */
public record CacheRegion(long start, long size, int type, int flags) {
    public static final Symbols TYPES = Symbols.values()
            .with("L3", 0x03).with("L3_CODE", 0x01).with("L3_DATA", 0x02);
    public static final Symbols FLAGS = Symbols.flags().with("ROOTSHARED", 0x0001);

    public CacheRegion {
        u32(start, "cache start");
        u32(size, "cache size");
        u8(type, "cache type");
        u16(flags, "cache flags");
    }
}
