package dev.jhsim.cli.daemon;

import dev.jhsim.cli.BoardOpener;
import dev.jhsim.cli.UserError;
import dev.jhsim.hypervisor.driver.JailhouseDriver;
import dev.jhsim.hypervisor.session.BoardSession;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board daemon process: one simulated board, driven by its simulation
 * thread, serving clients on a Unix domain socket. It holds a lock on
 * {@code NAME.lock} while it lives (so a second daemon of the same name is
 * refused and a socket left by a dead one is known to be stale), and on
 * every way out (stop request, signal, failure) flushes the UART logs,
 * closes the board and removes its socket.
 */
public final class BoardDaemon implements RequestHandler.Board {
    /** Exit status when a daemon of the same name already runs. */
    public static final int ALREADY_RUNNING = 3;

    private static final Logger LOG = LoggerFactory.getLogger(BoardDaemon.class);

    /** What {@code jailhouse board start} asked for. */
    public record Options(String board, String name, Speed speed, Path uartLogs) {
    }

    private final Options options;
    private final Path socket;
    private final BoardSession session;
    private final UartRecorder recorder;
    private final SimulationLoop loop;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final CountDownLatch stopAnswered = new CountDownLatch(1);
    private ServerSocketChannel server;
    private volatile boolean stopRequested;
    private boolean closed;

    private BoardDaemon(Options options, Path socket, BoardSession session) throws IOException {
        this.options = options;
        this.socket = socket;
        this.session = session;
        this.recorder = new UartRecorder(session.uarts(), options.uartLogs());
        session.addUartListener(recorder::transmitted);
        this.loop = new SimulationLoop(session, options.speed(), recorder::flush);
    }

    /**
     * Runs a daemon until it is stopped; returns the process's exit status.
     * Start-up failures are one line on {@code err} (which the starting
     * client reports).
     */
    public static int run(Options options, Map<String, String> environment, PrintStream err) {
        Path dir = RuntimeDirectory.ensure(environment);
        DaemonLog.configure(RuntimeDirectory.log(dir, options.name()));
        Path lockFile = RuntimeDirectory.lock(dir, options.name());
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                err.println("jailhouse board start: a board named '" + options.name() + "' is already running");
                return ALREADY_RUNNING;
            }
            lockChannel.truncate(0).write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            Path socket = RuntimeDirectory.socket(dir, options.name());
            if (Files.deleteIfExists(socket)) {
                LOG.info("removed the stale socket {} of a daemon that died", socket);
            }
            BoardSession session;
            try {
                session = BoardOpener.open(options.board());
            } catch (UserError e) {
                err.println(String.join("\n", e.lines()));
                LOG.error("board {} did not open: {}", options.board(), e.getMessage());
                return 1;
            }
            return new BoardDaemon(options, socket, session).serve();
        } catch (IOException e) {
            err.println("jailhouse board start: " + e.getMessage());
            LOG.error("start-up failed", e);
            return 1;
        }
    }

    private int serve() throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        LOG.info("board {} ({}) running, pid {}, speed {}, listening on {}", options.name(), options.board(),
                ProcessHandle.current().pid(), options.speed().label(), socket);
        Thread acceptor = new Thread(this::accept, "accept");
        acceptor.setDaemon(true);
        acceptor.start();
        Thread hook = new Thread(this::stopOnSignal, "signal");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = 0;
        try {
            loop.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("the simulation failed; stopping the board", e);
            status = 1;
        } finally {
            shutDown();
            // Logged before the latch opens: a SIGTERM's shutdown hook waits on it, then the JVM halts.
            LOG.info("board {} stopped", options.name());
            finished.countDown();
        }
        if (stopRequested) {
            awaitQuietly(stopAnswered);
        }
        return status;
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread connection = new Thread(() -> serve(client), "client");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return; // the server socket was closed: the daemon is stopping
            }
        }
    }

    /** Answers one client's requests in order until it goes away. */
    private void serve(SocketChannel client) {
        RequestHandler handler = new RequestHandler(this);
        try (client) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
            String hello = in.readUTF();
            out.writeUTF(Wire.HELLO);
            out.flush();
            if (!hello.equals(Wire.HELLO)) {
                LOG.warn("refused a client speaking '{}'", hello);
                return;
            }
            for (int code; (code = in.read()) >= 0; ) {
                if (code >= Op.values().length) {
                    LOG.warn("refused unknown request {}", code);
                    return;
                }
                Op op = Op.values()[code];
                try {
                    answer(op, handler, in, out);
                } finally {
                    if (op == Op.STOP) {
                        stopAnswered.countDown();
                    }
                }
            }
        } catch (EOFException e) {
            LOG.info("a client went away in the middle of a request");
        } catch (IOException e) {
            LOG.info("a client went away: {}", e.getMessage());
        }
    }

    private void answer(Op op, RequestHandler handler, DataInputStream in, DataOutputStream out) throws IOException {
        RequestHandler.Reply reply;
        try {
            reply = loop.submit(handler.decode(op, in)).get();
        } catch (ExecutionException e) {
            LOG.error("request {} failed", op, e.getCause());
            reply = RequestHandler.failed("request " + op + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (op != Op.STATUS && op != Op.CONSOLE && op != Op.UART && op != Op.CELLS && op != Op.ENABLED) {
            LOG.info("request {} answered", op);
        }
        reply.write(out);
        out.flush();
    }

    /** A signal (SIGTERM, SIGINT) ends the process: stop the board the same way as a stop request. */
    private void stopOnSignal() {
        loop.stop();
        awaitQuietly(finished);
    }

    /** Flushes and closes everything; runs on the simulation thread, once. */
    private void shutDown() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("socket {} not removed: {}", socket, e.getMessage());
        }
        recorder.close();
        session.close();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public JailhouseDriver driver() {
        return session.driver();
    }

    @Override
    public BoardStatus status() {
        JailhouseDriver driver = session.driver();
        return new BoardStatus(options.name(), options.board(), ProcessHandle.current().pid(),
                options.speed().label(), session.now(), session.uarts(),
                options.uartLogs() == null ? "" : options.uartLogs().toString(), driver.enabled(),
                driver.cells().size());
    }

    @Override
    public JailhouseDriver.ConsoleRead uart(String uart, long position) {
        return recorder.read(uart, position);
    }

    @Override
    public List<String> uarts() {
        return session.uarts();
    }

    @Override
    public void stop() {
        stopRequested = true;
        loop.stop();
        shutDown();
    }
}
