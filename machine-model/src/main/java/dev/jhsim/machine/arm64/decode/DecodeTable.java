package dev.jhsim.machine.arm64.decode;

import dev.jhsim.machine.arm64.Insn;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of patterns; the first one that matches decides. Rows are
 * bucketed by bits 28..25 (the A64 major class) so a decode scans only the
 * rows that can match.
 */
public final class DecodeTable {
    private static final int CLASS_SHIFT = 25;
    private final List<Pattern> rows = new ArrayList<>();
    private Pattern[][] buckets;

    public DecodeTable add(String name, String bits, InsnFactory factory) {
        rows.add(new Pattern(name, bits, factory));
        buckets = null;
        return this;
    }

    /** The decoded instruction, or {@code null} when no row matches. */
    public Insn decode(int word, long pc) {
        Pattern p = match(word);
        return p == null ? null : p.factory.create(new Fields(p, word, pc));
    }

    /** The first matching row, or {@code null}. */
    public Pattern match(int word) {
        if (buckets == null) {
            buckets = buildBuckets();
        }
        for (Pattern p : buckets[(word >>> CLASS_SHIFT) & 15]) {
            if (p.matches(word)) {
                return p;
            }
        }
        return null;
    }

    public List<Pattern> rows() {
        return List.copyOf(rows);
    }

    private Pattern[][] buildBuckets() {
        Pattern[][] b = new Pattern[16][];
        for (int cls = 0; cls < 16; cls++) {
            int bits = cls << CLASS_SHIFT;
            List<Pattern> in = new ArrayList<>();
            for (Pattern p : rows) {
                if ((p.value & (15 << CLASS_SHIFT)) == (bits & p.mask)) {
                    in.add(p);
                }
            }
            b[cls] = in.toArray(new Pattern[0]);
        }
        return b;
    }
}
