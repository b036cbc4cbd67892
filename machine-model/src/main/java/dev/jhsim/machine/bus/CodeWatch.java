package dev.jhsim.machine.bus;

import java.util.ArrayList;
import java.util.List;

/**
 * Tracks the physical pages that hold decoded code. A CPU marks a page when it
 * caches instructions from it; the first write to such a page tells every
 * listener to drop what it decoded there. Between the two, writers must take
 * the slow path (CPUs keep such pages out of their write TLBs).
 */
public final class CodeWatch {
    /** Told when a page becomes code (drop fast write paths) or is written (drop decoded code). */
    public interface Listener {
        void pageBecameCode(long pageNumber);

        void codePageWritten(long pageNumber);
    }

    private final LongMap<Boolean> codePages = new LongMap<>();
    private final List<Listener> listeners = new ArrayList<>();

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void markCode(long pageNumber) {
        if (codePages.get(pageNumber) == null) {
            codePages.put(pageNumber, Boolean.TRUE);
            for (Listener l : listeners) {
                l.pageBecameCode(pageNumber);
            }
        }
    }

    /** A write reached {@code pageNumber}: if it held code, everyone forgets it. */
    public void written(long pageNumber) {
        if (codePages.remove(pageNumber) != null) {
            for (Listener l : listeners) {
                l.codePageWritten(pageNumber);
            }
        }
    }
}
