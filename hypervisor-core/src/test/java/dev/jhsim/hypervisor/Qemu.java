package dev.jhsim.hypervisor;

import dev.jhsim.boards.Boards;
import dev.jhsim.hypervisor.driver.CellRef;
import dev.jhsim.hypervisor.driver.DriverException;
import dev.jhsim.hypervisor.driver.JailhouseDriver;
import dev.jhsim.hypervisor.driver.PreloadImage;
import dev.jhsim.hypervisor.session.BoardSessions;
import dev.jhsim.hypervisor.session.SimulatedBoard;
import dev.jhsim.inmates.Inmates;
import dev.jhsim.machine.board.BoardDescriptionReader;
import dev.jhsim.machine.board.BoardFormatException;
import dev.jhsim.machine.sim.Simulation;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The qemu-arm64 board with its bundled configurations and inmates, and the
 * output of its UART and the hypervisor console collected, for tests.
 */
public final class Qemu implements AutoCloseable {
    public static final String BOARD = "qemu-arm64";
    public static final long MS = Simulation.PS_PER_SECOND / 1000;

    public final SimulatedBoard board;
    public final JailhouseDriver driver;
    public final StringBuilder uart = new StringBuilder();
    private long consolePosition;

    public Qemu() {
        this(Boards.description(BOARD).orElseThrow());
    }

    /** A board described by {@code json} (a variant of qemu-arm64). */
    Qemu(String json) {
        try {
            board = BoardSessions.open(BoardDescriptionReader.parse(json));
        } catch (BoardFormatException e) {
            throw new AssertionError(e);
        }
        driver = board.driver();
        board.addUartListener((name, b) -> uart.append((char) (b & 0xFF)));
    }

    public static byte[] config(String name) {
        return Boards.file(BOARD, "configs/" + name + ".cell").orElseThrow(() -> new AssertionError("no " + name));
    }

    public static byte[] inmate(String path) {
        return Inmates.image(path).orElseThrow(() -> new AssertionError("no inmate " + path));
    }

    public void enable() throws DriverException {
        driver.enable(config("qemu-arm64"));
    }

    /** Creates, loads and starts a cell with an image at 0 and an optional command line at 0x1000. */
    public int start(String config, String image, String cmdline) throws DriverException {
        int id = driver.cellCreate(config(config));
        List<PreloadImage> images = cmdline == null ? List.of(new PreloadImage(inmate(image), 0))
                : List.of(new PreloadImage(inmate(image), 0),
                        new PreloadImage((cmdline + "\0").getBytes(StandardCharsets.US_ASCII), 0x1000));
        driver.cellLoad(CellRef.byId(id), images);
        driver.cellStart(CellRef.byId(id));
        return id;
    }

    public void runMs(long ms) {
        board.run(ms * MS);
    }

    /** The hypervisor console output since the last call. */
    public String console() {
        JailhouseDriver.ConsoleRead read = driver.console(consolePosition);
        consolePosition = read.nextPosition();
        return read.text();
    }

    @Override
    public void close() {
        board.close();
    }
}
