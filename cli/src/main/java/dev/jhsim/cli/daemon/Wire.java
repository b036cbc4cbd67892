package dev.jhsim.cli.daemon;

import dev.jhsim.hypervisor.driver.CellRef;
import dev.jhsim.hypervisor.driver.CellStatus;
import dev.jhsim.hypervisor.driver.PreloadImage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The encoding of the board protocol, one request and one response at a
 * time over a connection: each value is written and read by the pair of
 * methods here, so client and daemon cannot disagree.
 */
final class Wire {
    /** What each side says first; a different version is refused in one line. */
    static final String HELLO = "jhsim-board-protocol 1";

    /** Response tags. */
    static final int OK = 0;
    static final int DRIVER_ERROR = 1;
    static final int FAILED = 2;

    /** Larger byte arrays are refused rather than allocated (a configuration or image is far smaller). */
    private static final int MAX_BYTES = 1 << 30;

    private Wire() {
    }

    static void writeBytes(DataOutputStream out, byte[] data) throws IOException {
        out.writeInt(data.length);
        out.write(data);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_BYTES) {
            throw new IOException("malformed request: " + length + " bytes");
        }
        return in.readNBytes(length);
    }

    static void writeString(DataOutputStream out, String text) throws IOException {
        writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    static void writeRef(DataOutputStream out, CellRef ref) throws IOException {
        out.writeInt(ref.id());
        writeString(out, ref.name() == null ? "" : ref.name());
    }

    static CellRef readRef(DataInputStream in) throws IOException {
        int id = in.readInt();
        String name = readString(in);
        return id == CellRef.UNUSED_ID ? CellRef.byName(name) : CellRef.byId(id);
    }

    static void writeImages(DataOutputStream out, List<PreloadImage> images) throws IOException {
        out.writeInt(images.size());
        for (PreloadImage image : images) {
            out.writeLong(image.targetAddress());
            writeBytes(out, image.data());
        }
    }

    static List<PreloadImage> readImages(DataInputStream in) throws IOException {
        int count = count(in);
        List<PreloadImage> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long target = in.readLong();
            images.add(new PreloadImage(readBytes(in), target));
        }
        return images;
    }

    static void writeCells(DataOutputStream out, List<CellStatus> cells) throws IOException {
        out.writeInt(cells.size());
        for (CellStatus cell : cells) {
            out.writeInt(cell.id());
            writeString(out, cell.name());
            writeString(out, cell.state());
            writeInts(out, cell.assignedCpus());
            writeInts(out, cell.failedCpus());
        }
    }

    static List<CellStatus> readCells(DataInputStream in) throws IOException {
        int count = count(in);
        List<CellStatus> cells = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cells.add(new CellStatus(in.readInt(), readString(in), readString(in), readInts(in), readInts(in)));
        }
        return cells;
    }

    static void writeCounters(DataOutputStream out, Map<String, Long> counters) throws IOException {
        out.writeInt(counters.size());
        for (Map.Entry<String, Long> counter : counters.entrySet()) {
            writeString(out, counter.getKey());
            out.writeLong(counter.getValue());
        }
    }

    static Map<String, Long> readCounters(DataInputStream in) throws IOException {
        int count = count(in);
        Map<String, Long> counters = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            counters.put(readString(in), in.readLong());
        }
        return counters;
    }

    static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeString(out, s);
        }
    }

    static List<String> readStrings(DataInputStream in) throws IOException {
        int count = count(in);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            strings.add(readString(in));
        }
        return strings;
    }

    private static void writeInts(DataOutputStream out, List<Integer> values) throws IOException {
        out.writeInt(values.size());
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static List<Integer> readInts(DataInputStream in) throws IOException {
        int count = count(in);
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(in.readInt());
        }
        return values;
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 1 << 20) {
            throw new IOException("malformed request: " + count + " entries");
        }
        return count;
    }
}
