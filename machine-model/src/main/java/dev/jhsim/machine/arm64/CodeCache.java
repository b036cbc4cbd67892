package dev.jhsim.machine.arm64;

import dev.jhsim.machine.arm64.insn.A64Decoder;
import dev.jhsim.machine.arm64.mem.Fault;
import dev.jhsim.machine.arm64.mem.Mmu;
import dev.jhsim.machine.bus.CodeWatch;
import dev.jhsim.machine.bus.LongMap;
import dev.jhsim.machine.bus.RamBank;
import java.util.ArrayList;
import java.util.List;

/**
 * Decoded blocks by virtual PC. A direct-mapped table answers most lookups;
 * behind it a map holds every block, and a per-page index lets a write to a
 * code page drop exactly the blocks decoded from it.
 */
final class CodeCache implements CodeWatch.Listener {
    private static final int MAX_BLOCK = 64;
    private static final int TABLE_BITS = 14;

    private final Mmu mmu;
    private final CodeWatch watch;
    private final Block[] table = new Block[1 << TABLE_BITS];
    private final LongMap<Block> blocks = new LongMap<>();
    private final LongMap<List<Block>> byPage = new LongMap<>();

    CodeCache(Mmu mmu, CodeWatch watch) {
        this.mmu = mmu;
        this.watch = watch;
        watch.addListener(this);
    }

    private static int slot(long pc) {
        return (int) (pc >>> 2) & ((1 << TABLE_BITS) - 1);
    }

    /** The block at {@code pc}, decoding it on first use; {@code null} if it cannot be fetched. */
    Block lookup(long pc) {
        Block b = table[slot(pc)];
        if (b != null && b.pc == pc) {
            return b;
        }
        return miss(pc);
    }

    private Block miss(long pc) {
        if ((pc & 3) != 0) {
            return null;
        }
        Block b = blocks.get(pc);
        if (b == null) {
            b = decode(pc);
            if (b == null) {
                return null;
            }
            blocks.put(pc, b);
            List<Block> onPage = byPage.get(b.physPage);
            if (onPage == null) {
                onPage = new ArrayList<>();
                byPage.put(b.physPage, onPage);
            }
            onPage.add(b);
            watch.markCode(b.physPage);
        }
        table[slot(pc)] = b;
        return b;
    }

    private Block decode(long pc) {
        List<Insn> ops = new ArrayList<>();
        List<Integer> done = new ArrayList<>();
        long physPage = -1;
        long at = pc;
        int count = 0;
        boolean ended = false;
        while (count < MAX_BLOCK) {
            int word = mmu.fetch(at);
            if (mmu.fault.kind != Fault.NONE) {
                if (ops.isEmpty()) {
                    return null;
                }
                mmu.fault.kind = Fault.NONE;
                break;
            }
            if (physPage < 0) {
                physPage = mmu.lastFetchPhysPage;
            }
            Insn insn = A64Decoder.decode(word, at);
            count++;
            Insn fused = ops.isEmpty() ? null : ops.get(ops.size() - 1).fuse(insn);
            if (fused != null) {
                ops.set(ops.size() - 1, fused);
                done.set(done.size() - 1, count);
            } else {
                ops.add(insn);
                done.add(count);
            }
            at += 4;
            if (insn.endsBlock()) {
                ended = true;
                break;
            }
            if ((at & (RamBank.PAGE_SIZE - 1)) == 0) {
                break;
            }
        }
        if (!ended) {
            ops.add(new Block.Fallthrough(at));
            done.add(count);
        }
        return new Block(pc, ops.toArray(new Insn[0]), done.stream().mapToInt(Integer::intValue).toArray(), physPage);
    }

    /** Forgets every block. */
    void flush() {
        blocks.forEachValue(b -> b.valid = false);
        java.util.Arrays.fill(table, null);
        blocks.clear();
        byPage.clear();
    }

    @Override
    public void pageBecameCode(long pageNumber) {
        // Only writers care.
    }

    @Override
    public void codePageWritten(long pageNumber) {
        List<Block> onPage = byPage.remove(pageNumber);
        if (onPage == null) {
            return;
        }
        for (Block b : onPage) {
            b.valid = false;
            blocks.remove(b.pc);
            int s = slot(b.pc);
            if (table[s] == b) {
                table[s] = null;
            }
        }
    }
}
