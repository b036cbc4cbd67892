package dev.jhsim.config.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The CPU bitmap of a cell: {@code sizeBytes} bytes, bit n for CPU n, little
 * endian. Any size is allowed, as in the binary format.
 */
public final class CpuSet {
    /** Upper bound for CPU numbers written as text, far beyond any real machine. */
    private static final int MAX_CPUS = 1 << 20;

    private final int sizeBytes;
    private final BitSet bits;

    private CpuSet(int sizeBytes, BitSet bits) {
        this.sizeBytes = sizeBytes;
        this.bits = bits;
    }

    /** The set stored in {@code bytes} (little-endian bit order). */
    public static CpuSet fromBytes(byte[] bytes) {
        return new CpuSet(bytes.length, BitSet.valueOf(bytes));
    }

    /** The given CPUs in a bitmap of {@code sizeBytes} bytes. */
    public static CpuSet of(int sizeBytes, List<Integer> cpus) {
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("negative cpu_set_size");
        }
        BitSet bits = new BitSet();
        for (int cpu : cpus) {
            if (cpu < 0 || cpu >= sizeBytes * 8L) {
                throw new IllegalArgumentException("CPU " + cpu + " does not fit a cpu set of "
                        + sizeBytes + " bytes");
            }
            bits.set(cpu);
        }
        return new CpuSet(sizeBytes, bits);
    }

    /** The smallest bitmap of whole 64-bit words holding the given CPUs, as C sources declare it. */
    public static CpuSet ofWords(List<Integer> cpus) {
        int highest = cpus.stream().mapToInt(Integer::intValue).max().orElse(0);
        return of((highest / 64 + 1) * 8, cpus);
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    public boolean contains(int cpu) {
        return cpu >= 0 && bits.get(cpu);
    }

    public int count() {
        return bits.cardinality();
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    /** The CPUs in the set, ascending. */
    public List<Integer> cpus() {
        List<Integer> list = new ArrayList<>();
        bits.stream().forEach(list::add);
        return list;
    }

    public byte[] toBytes() {
        byte[] out = new byte[sizeBytes];
        byte[] used = bits.toByteArray();
        System.arraycopy(used, 0, out, 0, used.length);
        return out;
    }

    /** The set as ranges, e.g. {@code 0-3,6}; empty set is {@code ""}. */
    public String toRanges() {
        StringBuilder sb = new StringBuilder();
        int cpu = bits.nextSetBit(0);
        while (cpu >= 0) {
            int end = bits.nextClearBit(cpu) - 1;
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(cpu);
            if (end > cpu) {
                sb.append('-').append(end);
            }
            cpu = bits.nextSetBit(end + 1);
        }
        return sb.toString();
    }

    /** Parses the {@link #toRanges()} form. */
    public static List<Integer> parseRanges(String text) {
        List<Integer> cpus = new ArrayList<>();
        if (text.isBlank()) {
            return cpus;
        }
        for (String part : text.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            try {
                int first = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
                int last = dash < 0 ? first : Integer.parseInt(p.substring(dash + 1).trim());
                if (first < 0 || last < first || last >= MAX_CPUS) {
                    throw new IllegalArgumentException("bad CPU range '" + p + "'");
                }
                for (int c = first; c <= last; c++) {
                    cpus.add(c);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad CPU range '" + p + "', expected e.g. 0-3,6");
            }
        }
        return cpus;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSet other && other.sizeBytes == sizeBytes && other.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return sizeBytes * 31 + bits.hashCode();
    }

    @Override
    public String toString() {
        return "CpuSet[" + sizeBytes + " bytes: " + toRanges() + "]";
    }
}
