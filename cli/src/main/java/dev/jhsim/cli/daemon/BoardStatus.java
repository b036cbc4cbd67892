package dev.jhsim.cli.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * What {@code jailhouse board status} shows of a running board.
 *
 * @param uartLogs the directory UART logs go to, or an empty string
 * @param cells how many cells exist, root cell included (0 while disabled)
 */
public record BoardStatus(String name, String board, long pid, String speed, long virtualTimePs,
        List<String> uarts, String uartLogs, boolean enabled, int cells) {
    public BoardStatus {
        uarts = List.copyOf(uarts);
    }

    void write(DataOutputStream out) throws IOException {
        Wire.writeString(out, name);
        Wire.writeString(out, board);
        out.writeLong(pid);
        Wire.writeString(out, speed);
        out.writeLong(virtualTimePs);
        Wire.writeStrings(out, uarts);
        Wire.writeString(out, uartLogs);
        out.writeBoolean(enabled);
        out.writeInt(cells);
    }

    static BoardStatus read(DataInputStream in) throws IOException {
        return new BoardStatus(Wire.readString(in), Wire.readString(in), in.readLong(), Wire.readString(in),
                in.readLong(), Wire.readStrings(in), Wire.readString(in), in.readBoolean(), in.readInt());
    }
}
