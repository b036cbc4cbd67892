package dev.jhsim.machine.baremetal;

import dev.jhsim.fixtures.Repo;
import dev.jhsim.machine.board.BoardDescriptionReader;
import dev.jhsim.machine.board.BoardFormatException;
import dev.jhsim.machine.board.Machine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Machines for the bare-metal images: the qemu-arm64 board, and its GICv2 variant from the test resources. */
final class BareMetal {
    static final String GICV3 = "qemu-arm64";
    static final String GICV2 = "qemu-arm64-gicv2";

    private BareMetal() {
    }

    static Machine machine(String board) {
        try {
            String json = board.equals(GICV3) ? Files.readString(Repo.path("boards/qemu-arm64/board.json"))
                    : resource("../board/" + board + ".json");
            return new Machine(BoardDescriptionReader.parse(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BoardFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Boots {@code image} on {@code machine} and runs it until every CPU halts or {@code limitPs} passes; returns what uart0 printed. */
    static String run(Machine machine, String image, long limitPs) {
        StringBuilder console = new StringBuilder();
        machine.serial("uart0").connectOutput(b -> console.append((char) b));
        machine.boot(image(image));
        machine.run(limitPs);
        return console.toString();
    }

    static byte[] image(String name) {
        try (InputStream in = BareMetal.class.getResourceAsStream(name + ".bin")) {
            if (in == null) {
                throw new IllegalArgumentException("no image " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = BareMetal.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
