package dev.jhsim.cli.daemon;

import dev.jhsim.hypervisor.driver.CellRef;
import dev.jhsim.hypervisor.driver.CellStatus;
import dev.jhsim.hypervisor.driver.DriverException;
import dev.jhsim.hypervisor.driver.JailhouseDriver;
import dev.jhsim.hypervisor.driver.PreloadImage;
import java.util.List;
import java.util.Map;

/**
 * The driver of a board daemon, seen from the client: each call is a request
 * over the daemon's socket, the way the real tool's calls are ioctls and
 * sysfs reads on {@code /dev/jailhouse}. Files were read by the client.
 */
final class RemoteDriver implements JailhouseDriver {
    private final DaemonConnection connection;

    RemoteDriver(DaemonConnection connection) {
        this.connection = connection;
    }

    @Override
    public void enable(byte[] systemConfig) throws DriverException {
        connection.call(Op.ENABLE, out -> Wire.writeBytes(out, systemConfig), in -> null);
    }

    @Override
    public void disable() throws DriverException {
        connection.call(Op.DISABLE, out -> { }, in -> null);
    }

    @Override
    public int cellCreate(byte[] cellConfig) throws DriverException {
        return connection.call(Op.CELL_CREATE, out -> Wire.writeBytes(out, cellConfig), in -> in.readInt());
    }

    @Override
    public void cellLoad(CellRef cell, List<PreloadImage> images) throws DriverException {
        connection.call(Op.CELL_LOAD, out -> {
            Wire.writeRef(out, cell);
            Wire.writeImages(out, images);
        }, in -> null);
    }

    @Override
    public void cellStart(CellRef cell) throws DriverException {
        connection.call(Op.CELL_START, out -> Wire.writeRef(out, cell), in -> null);
    }

    @Override
    public void cellDestroy(CellRef cell) throws DriverException {
        connection.call(Op.CELL_DESTROY, out -> Wire.writeRef(out, cell), in -> null);
    }

    @Override
    public boolean enabled() {
        return connection.query(Op.ENABLED, out -> { }, in -> in.readBoolean());
    }

    @Override
    public List<CellStatus> cells() {
        return connection.query(Op.CELLS, out -> { }, Wire::readCells);
    }

    @Override
    public Map<String, Long> statistics(CellRef cell, int cpu) throws DriverException {
        return connection.call(Op.STATISTICS, out -> {
            Wire.writeRef(out, cell);
            out.writeInt(cpu);
        }, Wire::readCounters);
    }

    @Override
    public ConsoleRead console(long position) {
        return connection.query(Op.CONSOLE, out -> out.writeLong(position),
                in -> new ConsoleRead(Wire.readString(in), in.readLong()));
    }
}
