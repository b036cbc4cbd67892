package dev.jhsim.machine.arm64.insn;

/** DecodeBitMasks for logical immediates: a rotated run of ones, replicated. */
final class BitMasks {
    /** Returned for reserved encodings (no valid mask is all ones in every element with this value's shape). */
    static final long RESERVED = 0;

    private BitMasks() {
    }

    static long decode(int n, int imms, int immr, int dataSize) {
        int len = 31 - Integer.numberOfLeadingZeros((n << 6) | (~imms & 0x3F));
        if (len < 1) {
            return RESERVED;
        }
        int levels = (1 << len) - 1;
        int s = imms & levels;
        int r = immr & levels;
        if (s == levels) {
            return RESERVED;
        }
        int esize = 1 << len;
        long welem = (1L << (s + 1)) - 1;
        long emask = esize == 64 ? -1L : (1L << esize) - 1;
        long elem = r == 0 ? welem : ((welem >>> r) | (welem << (esize - r))) & emask;
        long result = 0;
        for (int i = 0; i < 64; i += esize) {
            result |= elem << i;
        }
        return dataSize == 32 ? result & 0xFFFFFFFFL : result;
    }
}
