package dev.jhsim.cli;

import dev.jhsim.config.ConfigFormatException;
import dev.jhsim.config.ConfigLoader;
import dev.jhsim.config.binary.LayoutHint;
import dev.jhsim.config.model.CellConfig;
import dev.jhsim.config.model.ConfigFile;
import dev.jhsim.config.model.SystemConfig;
import dev.jhsim.hypervisor.driver.CellRef;
import dev.jhsim.hypervisor.driver.CellStatus;
import dev.jhsim.hypervisor.driver.DriverException;
import dev.jhsim.hypervisor.driver.Errno;
import dev.jhsim.hypervisor.driver.JailhouseDriver;
import dev.jhsim.hypervisor.driver.PreloadImage;
import dev.jhsim.hypervisor.session.BoardSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * A small fake board for testing the command line's mechanics before (and
 * besides) the real hypervisor core: it parses configurations with
 * cell-config, keeps cells with upstream's states and errnos for the cases
 * the tests need, and runs "inmates" that print a line on uart0 every 100 ms
 * of virtual time ({@link #ticker}). Opened by the daemon processes the tests
 * start through {@link BoardOpener#OPENER_PROPERTY}.
 */
public final class FakeBoard implements BoardOpener.Opener {
    /** Virtual time between two lines of a ticker inmate. */
    static final long TICK_PS = 100_000_000_000L;

    private static final String TICKER = "TICK ";

    @Override
    public BoardSession open(String board) {
        return new Session(board);
    }

    /** An image that makes the fake cell print {@code line} every 100 ms once started. */
    static byte[] ticker(String line) {
        return (TICKER + line).getBytes(StandardCharsets.UTF_8);
    }

    /** The fake board. */
    static final class Session implements BoardSession {
        private final String name;
        final Driver driver = new Driver(this);
        private final List<UartListener> listeners = new ArrayList<>();
        private long now;
        private boolean closed;

        Session(String name) {
            this.name = name;
        }

        @Override
        public String boardName() {
            return name;
        }

        @Override
        public JailhouseDriver driver() {
            return driver;
        }

        @Override
        public long now() {
            return now;
        }

        @Override
        public void run(long picoseconds) {
            long end = now + picoseconds;
            for (FakeCell cell; (cell = driver.nextTicker(end)) != null; ) {
                now = cell.nextTick;
                cell.nextTick += TICK_PS;
                cell.ticks++;
                transmit(cell.line + " " + cell.ticks + "\r\n");
            }
            now = end;
        }

        @Override
        public boolean runUntil(BooleanSupplier condition, long limitPicoseconds) {
            long end = now + limitPicoseconds;
            while (!condition.getAsBoolean()) {
                if (now >= end) {
                    return false;
                }
                run(Math.min(1_000_000_000L, end - now));
            }
            return true;
        }

        @Override
        public List<String> uarts() {
            return List.of("uart0");
        }

        @Override
        public Optional<String> debugConsoleUart() {
            return Optional.empty(); // the fake hypervisor writes its console to no UART
        }

        @Override
        public void addUartListener(UartListener listener) {
            listeners.add(listener);
        }

        /** The fake echoes what is typed, as a terminal would. */
        @Override
        public void sendToUart(String uart, byte[] bytes) {
            transmit(new String(bytes, StandardCharsets.UTF_8));
        }

        void transmit(String text) {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                listeners.forEach(l -> l.transmitted("uart0", b));
            }
        }

        boolean closed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A cell of the fake hypervisor. */
    private static final class FakeCell {
        final int id;
        final String name;
        final List<Integer> cpus;
        String state = "shut down";
        String line;
        long nextTick;
        long ticks;
        byte[] image;

        FakeCell(int id, String name, List<Integer> cpus) {
            this.id = id;
            this.name = name;
            this.cpus = cpus;
        }

        CellStatus status() {
            return new CellStatus(id, name, state, cpus, List.of());
        }
    }

    /** The fake driver and hypervisor. */
    static final class Driver implements JailhouseDriver {
        private final Session session;
        private final Map<Integer, FakeCell> cells = new TreeMap<>();
        private final StringBuilder console = new StringBuilder();
        /** The images of the last load, for tests of the command's argument order. */
        List<PreloadImage> lastLoad = List.of();

        Driver(Session session) {
            this.session = session;
        }

        FakeCell nextTicker(long end) {
            FakeCell next = null;
            for (FakeCell cell : cells.values()) {
                if (cell.state.equals("running") && cell.line != null && cell.nextTick <= end
                        && (next == null || cell.nextTick < next.nextTick)) {
                    next = cell;
                }
            }
            return next;
        }

        private void print(String line) {
            console.append(line).append('\n');
        }

        @Override
        public void enable(byte[] systemConfig) throws DriverException {
            if (!cells.isEmpty()) {
                throw new DriverException("JAILHOUSE_ENABLE", Errno.EBUSY, "the hypervisor is already enabled");
            }
            if (!(parse("JAILHOUSE_ENABLE", systemConfig) instanceof SystemConfig system)) {
                throw new DriverException("JAILHOUSE_ENABLE", Errno.EINVAL, "not a system configuration");
            }
            print("Initializing Jailhouse hypervisor (fake) on CPU 0");
            cells.put(0, new FakeCell(0, system.rootCell().name(), system.rootCell().cpus().cpus()));
            cells.get(0).state = "running";
            print("Activating hypervisor");
        }

        @Override
        public void disable() throws DriverException {
            if (cells.isEmpty()) {
                throw new DriverException("JAILHOUSE_DISABLE", Errno.EINVAL, "the hypervisor is not enabled");
            }
            cells.clear();
            print("Shutting down hypervisor");
        }

        @Override
        public int cellCreate(byte[] cellConfig) throws DriverException {
            if (cells.isEmpty()) {
                throw new DriverException("JAILHOUSE_CELL_CREATE", Errno.EINVAL, "the hypervisor is not enabled");
            }
            if (!(parse("JAILHOUSE_CELL_CREATE", cellConfig) instanceof CellConfig config)) {
                throw new DriverException("JAILHOUSE_CELL_CREATE", Errno.EINVAL, "not a cell configuration");
            }
            String name = config.cell().name();
            if (cells.values().stream().anyMatch(c -> c.name.equals(name))) {
                throw new DriverException("JAILHOUSE_CELL_CREATE", Errno.EEXIST, "a cell named \"" + name
                        + "\" exists");
            }
            List<Integer> cpus = config.cell().cpus().cpus();
            for (int cpu : cpus) {
                if (!cells.get(0).cpus.contains(cpu)) {
                    throw new DriverException("JAILHOUSE_CELL_CREATE", Errno.EBUSY, "CPU " + cpu
                            + " does not belong to the root cell");
                }
            }
            int id = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            TreeSet<Integer> rootCpus = new TreeSet<>(cells.get(0).cpus);
            rootCpus.removeAll(cpus);
            replaceRootCpus(new ArrayList<>(rootCpus));
            cells.put(id, new FakeCell(id, name, cpus));
            print("Created cell \"" + name + "\"");
            return id;
        }

        private void replaceRootCpus(List<Integer> cpus) {
            FakeCell old = cells.get(0);
            FakeCell root = new FakeCell(0, old.name, cpus);
            root.state = old.state;
            cells.put(0, root);
        }

        @Override
        public void cellLoad(CellRef ref, List<PreloadImage> images) throws DriverException {
            FakeCell cell = find("JAILHOUSE_CELL_LOAD", ref);
            lastLoad = List.copyOf(images);
            cell.state = "shut down";
            cell.line = null;
            for (PreloadImage image : images) {
                if (image.targetAddress() == 0) {
                    cell.image = image.data(); // the program; other images are its data
                }
            }
            print("Cell \"" + cell.name + "\" can be loaded");
        }

        @Override
        public void cellStart(CellRef ref) throws DriverException {
            FakeCell cell = find("JAILHOUSE_CELL_START", ref);
            String text = cell.image == null ? "" : new String(cell.image, StandardCharsets.UTF_8);
            cell.line = text.startsWith(TICKER) ? text.substring(TICKER.length()) : null;
            cell.nextTick = session.now() + TICK_PS;
            cell.state = "running";
            print("Started cell \"" + cell.name + "\"");
        }

        @Override
        public void cellDestroy(CellRef ref) throws DriverException {
            FakeCell cell = find("JAILHOUSE_CELL_DESTROY", ref);
            cells.remove(cell.id);
            TreeSet<Integer> rootCpus = new TreeSet<>(cells.get(0).cpus);
            rootCpus.addAll(cell.cpus);
            replaceRootCpus(new ArrayList<>(rootCpus));
            print("Closing cell \"" + cell.name + "\"");
        }

        @Override
        public boolean enabled() {
            return !cells.isEmpty();
        }

        @Override
        public List<CellStatus> cells() {
            return cells.values().stream().map(FakeCell::status).toList();
        }

        @Override
        public Map<String, Long> statistics(CellRef ref, int cpu) throws DriverException {
            FakeCell cell = cells.values().stream()
                    .filter(c -> ref.hasId() ? c.id == ref.id() : c.name.equals(ref.name())).findFirst()
                    .orElseThrow(() -> new DriverException("statistics", Errno.ENOENT, "no cell " + ref));
            if (cpu >= 0 && !cell.cpus.contains(cpu)) {
                throw new DriverException("statistics", Errno.ENOENT, "CPU " + cpu + " is not in the cell");
            }
            long share = cpu >= 0 ? cell.cpus.size() : 1;
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put("vmexits_total", 2 * cell.ticks / share);
            counters.put("vmexits_mmio", 0L);
            counters.put("vmexits_management", 1L);
            counters.put("vmexits_hypercall", 0L);
            counters.put("vmexits_virt_irq", cell.ticks / share);
            return counters;
        }

        @Override
        public ConsoleRead console(long position) {
            return new ConsoleRead(console.substring((int) Math.min(position, console.length())), console.length());
        }

        private FakeCell find(String operation, CellRef ref) throws DriverException {
            for (FakeCell cell : cells.values()) {
                if (ref.hasId() ? cell.id == ref.id() : cell.name.equals(ref.name())) {
                    if (cell.id == 0) {
                        throw new DriverException(operation, Errno.EINVAL, "the root cell cannot be managed");
                    }
                    return cell;
                }
            }
            throw new DriverException(operation, Errno.ENOENT, "no cell " + (ref.hasId() ? "with ID " : "named ")
                    + ref);
        }

        private static ConfigFile parse(String operation, byte[] config) throws DriverException {
            try {
                return ConfigLoader.parse(config, LayoutHint.AUTO).file();
            } catch (ConfigFormatException e) {
                throw new DriverException(operation, Errno.EINVAL, e.getMessage());
            }
        }
    }
}
