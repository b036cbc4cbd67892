package dev.jhsim.machine.arm64.mmu;

/** Geometry of the translation granules: 4, 16 or 64 KiB pages, given as their shift (12, 14, 16). */
final class Granule {
    private Granule() {
    }

    /** TCR_EL1.TG0 and VTCR_EL2.TG0: 0 = 4 KiB, 1 = 64 KiB, 2 = 16 KiB. */
    static int ofTg0(int tg0) {
        return switch (tg0) {
            case 1 -> 16;
            case 2 -> 14;
            default -> 12;
        };
    }

    /** TCR_EL1.TG1 has its own encoding: 1 = 16 KiB, 3 = 64 KiB, otherwise 4 KiB. */
    static int ofTg1(int tg1) {
        return switch (tg1) {
            case 1 -> 14;
            case 3 -> 16;
            default -> 12;
        };
    }

    /** Lowest address bit a level resolves: each level resolves granule-3 bits (a table is one granule of 8-byte descriptors). */
    static int shift(int granule, int level) {
        return granule + (granule - 3) * (3 - level);
    }

    /** The level a stage-1 walk of an {@code inputSize}-bit address starts at. */
    static int startLevel(int granule, int inputSize) {
        return 3 - (inputSize - 1 - granule) / (granule - 3);
    }

    /** Levels where a descriptor may be a block: 1 and 2 with 4 KiB granules, only 2 otherwise (48-bit outputs). */
    static boolean blockAllowed(int granule, int level) {
        return granule == 12 ? level == 1 || level == 2 : level == 2;
    }
}
