package dev.jhsim.cli.daemon;

import dev.jhsim.cli.UserError;
import dev.jhsim.hypervisor.driver.DriverException;
import dev.jhsim.hypervisor.driver.Errno;
import dev.jhsim.hypervisor.driver.JailhouseDriver;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/**
 * A client's connection to a board daemon: requests in order, each answered
 * before the next. Every failure of the daemon or the socket becomes one
 * line naming the board and its log.
 */
public final class DaemonConnection implements AutoCloseable {
    private final BoardAddress address;
    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;

    private DaemonConnection(BoardAddress address, SocketChannel channel) throws IOException {
        this.address = address;
        this.channel = channel;
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
    }

    /** Connects and checks that a board daemon of this version answers. */
    public static DaemonConnection open(BoardAddress address) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(address.socket()));
        } catch (IOException e) {
            throw new UserError("jailhouse: board '" + address.name() + "' is not running (" + address.socket()
                    + " does not answer: " + e.getMessage() + ")");
        }
        try {
            DaemonConnection connection = new DaemonConnection(address, channel);
            connection.out.writeUTF(Wire.HELLO);
            connection.out.flush();
            String hello = connection.in.readUTF();
            if (!hello.equals(Wire.HELLO)) {
                channel.close();
                throw new UserError("jailhouse: board '" + address.name() + "' speaks '" + hello + "', expected '"
                        + Wire.HELLO + "' (a different jhsim version; restart the board)");
            }
            return connection;
        } catch (IOException e) {
            throw connectionLost(address, e);
        }
    }

    public BoardAddress address() {
        return address;
    }

    /** Writes a request's arguments. */
    @FunctionalInterface
    interface Arguments {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a successful response. */
    @FunctionalInterface
    interface Result<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** Sends a request and returns its result, or throws the driver's failure as the daemon reported it. */
    <T> T call(Op op, Arguments arguments, Result<T> result) throws DriverException {
        try {
            out.writeByte(op.ordinal());
            arguments.write(out);
            out.flush();
            int tag = in.readUnsignedByte();
            if (tag == Wire.OK) {
                return result.read(in);
            }
            if (tag == Wire.DRIVER_ERROR) {
                String operation = Wire.readString(in);
                Errno errno = Errno.valueOf(Wire.readString(in));
                throw new DriverException(operation, errno, Wire.readString(in));
            }
            throw new UserError("jailhouse: board '" + address.name() + "': " + Wire.readString(in));
        } catch (IOException e) {
            throw connectionLost(address, e);
        }
    }

    /** {@link #call} for requests that cannot fail in the driver. */
    <T> T query(Op op, Arguments arguments, Result<T> result) {
        try {
            return call(op, arguments, result);
        } catch (DriverException e) {
            throw new UserError("jailhouse: board '" + address.name() + "': unexpected " + e.getMessage());
        }
    }

    /** What the board says about itself. */
    public BoardStatus status() {
        return query(Op.STATUS, out -> { }, BoardStatus::read);
    }

    /** Asks the daemon to stop; it has flushed its UART logs and closed the board when this returns. */
    public void stop() {
        query(Op.STOP, out -> { }, in -> null);
    }

    /** A UART's recorded output from {@code position} on. */
    public JailhouseDriver.ConsoleRead uart(String uart, long position) {
        return query(Op.UART, out -> {
            Wire.writeString(out, uart);
            out.writeLong(position);
        }, in -> new JailhouseDriver.ConsoleRead(Wire.readString(in), in.readLong()));
    }

    /** The board's driver, over this connection. */
    public JailhouseDriver driver() {
        return new RemoteDriver(this);
    }

    private static UserError connectionLost(BoardAddress address, IOException e) {
        return new UserError("jailhouse: lost the connection to board '" + address.name()
                + "' (its daemon stopped or died; see " + address.log() + ")");
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing is all that was left to do.
        }
    }
}
