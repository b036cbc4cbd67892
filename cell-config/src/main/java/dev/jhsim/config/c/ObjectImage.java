package dev.jhsim.config.c;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The bytes of the object being initialised (little-endian, zero-filled),
 * and for each initialiser the byte range it covers, for the {@link SourceMap}.
 */
final class ObjectImage {
    private byte[] bytes;
    private final List<Span> spans = new ArrayList<>();
    private int sequence;

    /** Bytes {@code start} to {@code end - 1} were set by the initialiser at {@code location}. */
    private record Span(long start, long end, SourceLocation location, int sequence) {
        boolean covers(long offset, long size) {
            return start <= offset && offset + size <= end;
        }
    }

    ObjectImage(long size) {
        bytes = new byte[(int) size];
    }

    /** Grows the image for an array whose size its initialiser decides. */
    void ensure(long size) {
        if (size > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.max(size, bytes.length * 2L));
        }
    }

    /** Stores the low {@code width} bits of {@code value} at a bit offset, little-endian. */
    void writeBits(long bitOffset, int width, long value) {
        ensure((bitOffset + width + 7) / 8);
        for (int i = 0; i < width; i++) {
            long bit = bitOffset + i;
            int mask = 1 << (bit % 8);
            if ((value >>> i & 1) != 0) {
                bytes[(int) (bit / 8)] |= (byte) mask;
            } else {
                bytes[(int) (bit / 8)] &= (byte) ~mask;
            }
        }
    }

    void write(long offset, byte[] data) {
        ensure(offset + data.length);
        System.arraycopy(data, 0, bytes, (int) offset, data.length);
    }

    /** Zeroes a range being initialised afresh; what earlier initialisers set there no longer counts. */
    void clear(long start, long end) {
        ensure(end);
        Arrays.fill(bytes, (int) start, (int) end, (byte) 0);
        spans.removeIf(s -> s.start() >= start && s.end() <= end);
    }

    void mark(long start, long end, Position at) {
        if (end > start) {
            spans.add(new Span(start, end, at.location(), sequence++));
        }
    }

    byte[] bytes(long size) {
        return Arrays.copyOf(bytes, (int) size);
    }

    SourceMap sourceMap() {
        List<Span> frozen = List.copyOf(spans);
        return (offset, size) -> {
            Span best = null;
            for (Span s : frozen) {
                if (s.covers(offset, Math.max(size, 1)) && (best == null || s.end() - s.start() < best.end() - best.start()
                        || s.end() - s.start() == best.end() - best.start() && s.sequence() > best.sequence())) {
                    best = s;
                }
            }
            return Optional.ofNullable(best).map(Span::location);
        };
    }
}
