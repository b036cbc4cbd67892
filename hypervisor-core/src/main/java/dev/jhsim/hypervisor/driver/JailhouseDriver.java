package dev.jhsim.hypervisor.driver;

import java.util.List;
import java.util.Map;

/**
 * What the Linux driver offers the {@code jailhouse} tool — the ioctls of
 * {@code /dev/jailhouse}, the {@code /sys/devices/jailhouse} tree and the
 * console — on a simulated board. The CLI, the board daemon and the scenario
 * runner call nothing else.
 *
 * <p>Calls run on the simulation thread and may advance virtual time (for
 * example while a cell is asked to shut down and the hypervisor waits up to
 * the cell's {@code msg_reply_timeout} for its reply). Failures carry the
 * upstream errno and, where jhsim knows it, a precise reason; the hypervisor
 * prints its own explanation on its console as upstream does.
 */
public interface JailhouseDriver {
    /** {@code JAILHOUSE_ENABLE} with the bytes of a system configuration. */
    void enable(byte[] systemConfig) throws DriverException;

    /** {@code JAILHOUSE_DISABLE}. */
    void disable() throws DriverException;

    /** {@code JAILHOUSE_CELL_CREATE} with the bytes of a cell configuration; returns the new cell's ID. */
    int cellCreate(byte[] cellConfig) throws DriverException;

    /**
     * {@code JAILHOUSE_CELL_LOAD}: makes the cell loadable (asking a running
     * cell to shut down first) and copies the images into it. With no images
     * this is {@code jailhouse cell shutdown}.
     */
    void cellLoad(CellRef cell, List<PreloadImage> images) throws DriverException;

    /** {@code JAILHOUSE_CELL_START}. */
    void cellStart(CellRef cell) throws DriverException;

    /** {@code JAILHOUSE_CELL_DESTROY}. */
    void cellDestroy(CellRef cell) throws DriverException;

    /** Whether the hypervisor is enabled ({@code /sys/devices/jailhouse/enabled}). */
    boolean enabled();

    /** The cells, by ascending ID (root cell first); empty when disabled. */
    List<CellStatus> cells();

    /**
     * The statistics counters of a cell ({@code .../cells/<id>/statistics/}),
     * named as upstream's sysfs files ({@code vmexits_total}, {@code vmexits_mmio}, ...),
     * summed over the cell's CPUs, or of one CPU when {@code cpu >= 0}; in upstream's order.
     *
     * @throws DriverException {@code ENOENT} for an unknown cell or CPU
     */
    Map<String, Long> statistics(CellRef cell, int cpu) throws DriverException;

    /**
     * The hypervisor console buffer from {@code position} on (what
     * {@code jailhouse console} reads), and the position after it; the buffer
     * keeps its most recent contents when it wraps, as upstream's does.
     */
    ConsoleRead console(long position);

    /** A piece of the console buffer and where the next read should start. */
    record ConsoleRead(String text, long nextPosition) {
    }
}
