package dev.jhsim.cli.daemon;

import dev.jhsim.hypervisor.driver.CellRef;
import dev.jhsim.hypervisor.driver.DriverException;
import dev.jhsim.hypervisor.driver.JailhouseDriver;
import dev.jhsim.hypervisor.driver.PreloadImage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The daemon's half of the protocol: decodes a request's arguments (on the
 * connection's thread) into work for the simulation thread, whose result is
 * the response to write back.
 */
final class RequestHandler {
    /** A response, written on the connection's thread. */
    @FunctionalInterface
    interface Reply {
        void write(DataOutputStream out) throws IOException;
    }

    /** What the board offers besides its driver. */
    interface Board {
        JailhouseDriver driver();

        BoardStatus status();

        /** A UART's output from a position on, null for an unknown UART. */
        JailhouseDriver.ConsoleRead uart(String uart, long position);

        /** The UART names, for the error about an unknown one. */
        List<String> uarts();

        /** Stops the daemon: flushes UART logs, closes the board, removes the socket. */
        void stop();
    }

    /** A driver call with a result to send. */
    @FunctionalInterface
    private interface DriverCall {
        Reply run(JailhouseDriver driver) throws DriverException;
    }

    private static final Reply NOTHING = out -> out.writeByte(Wire.OK);

    private final Board board;

    RequestHandler(Board board) {
        this.board = board;
    }

    /** Reads the arguments of {@code op} and returns the work that answers it. */
    Callable<Reply> decode(Op op, DataInputStream in) throws IOException {
        return switch (op) {
            case ENABLE -> {
                byte[] config = Wire.readBytes(in);
                yield driver(d -> {
                    d.enable(config);
                    return NOTHING;
                });
            }
            case DISABLE -> driver(d -> {
                d.disable();
                return NOTHING;
            });
            case CELL_CREATE -> {
                byte[] config = Wire.readBytes(in);
                yield driver(d -> {
                    int id = d.cellCreate(config);
                    return ok(out -> out.writeInt(id));
                });
            }
            case CELL_LOAD -> {
                CellRef cell = Wire.readRef(in);
                List<PreloadImage> images = Wire.readImages(in);
                yield driver(d -> {
                    d.cellLoad(cell, images);
                    return NOTHING;
                });
            }
            case CELL_START -> {
                CellRef cell = Wire.readRef(in);
                yield driver(d -> {
                    d.cellStart(cell);
                    return NOTHING;
                });
            }
            case CELL_DESTROY -> {
                CellRef cell = Wire.readRef(in);
                yield driver(d -> {
                    d.cellDestroy(cell);
                    return NOTHING;
                });
            }
            case ENABLED -> driver(d -> {
                boolean enabled = d.enabled();
                return ok(out -> out.writeBoolean(enabled));
            });
            case CELLS -> driver(d -> {
                var cells = d.cells();
                return ok(out -> Wire.writeCells(out, cells));
            });
            case STATISTICS -> {
                CellRef cell = Wire.readRef(in);
                int cpu = in.readInt();
                yield driver(d -> {
                    var counters = d.statistics(cell, cpu);
                    return ok(out -> Wire.writeCounters(out, counters));
                });
            }
            case CONSOLE -> {
                long position = in.readLong();
                yield driver(d -> text(d.console(position)));
            }
            case UART -> {
                String uart = Wire.readString(in);
                long position = in.readLong();
                yield () -> {
                    JailhouseDriver.ConsoleRead read = board.uart(uart, position);
                    return read != null ? text(read) : failed("no UART '" + uart + "' (this board has "
                            + String.join(", ", board.uarts()) + ")");
                };
            }
            case STATUS -> () -> {
                BoardStatus status = board.status();
                return ok(status::write);
            };
            case STOP -> () -> {
                board.stop();
                return NOTHING;
            };
        };
    }

    /** The response for a failure outside the driver (the client prints it as one line). */
    static Reply failed(String message) {
        return out -> {
            out.writeByte(Wire.FAILED);
            Wire.writeString(out, message);
        };
    }

    private Callable<Reply> driver(DriverCall call) {
        return () -> {
            try {
                return call.run(board.driver());
            } catch (DriverException e) {
                return out -> {
                    out.writeByte(Wire.DRIVER_ERROR);
                    Wire.writeString(out, e.operation());
                    Wire.writeString(out, e.errno().name());
                    Wire.writeString(out, e.reason());
                };
            }
        };
    }

    private static Reply ok(Reply result) {
        return out -> {
            out.writeByte(Wire.OK);
            result.write(out);
        };
    }

    private static Reply text(JailhouseDriver.ConsoleRead read) {
        return ok(out -> {
            Wire.writeString(out, read.text());
            out.writeLong(read.nextPosition());
        });
    }
}
