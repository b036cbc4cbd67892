package dev.jhsim.machine.baremetal;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.system.CpuCluster;
import dev.jhsim.machine.bus.MmioDevice;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.sim.Simulation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Runs a bare-metal test image on the CPUs of a qemu-arm64-like machine with a console capture at the PL011's address. */
final class TestBoard {
    static final long RAM = 0x4000_0000L;
    static final long LOAD = 0x4008_0000L;

    final PhysicalBus bus = new PhysicalBus();
    final CpuCluster cluster;
    final Simulation sim = new Simulation(10_000);
    final StringBuilder console = new StringBuilder();

    TestBoard(int cpus) {
        bus.addRam(RAM, 0x4000_0000L);
        bus.addDevice(0x0900_0000L, 0x1000, new MmioDevice() {
            @Override
            public long read(long offset, int size) {
                return 0;
            }

            @Override
            public void write(long offset, int size, long value) {
                if (offset == 0) {
                    console.append((char) (value & 0xFF));
                }
            }
        });
        cluster = new CpuCluster(bus, cpus, 1_000_000_000L, 0x411FD070L, i -> 0x8000_0000L | i, true);
        for (Arm64Cpu c : cluster.cpus()) {
            sim.addProcessor(c);
        }
    }

    String run(String image, long limitPs) {
        byte[] bytes = load(image);
        bus.writeBytes(LOAD, bytes, 0, bytes.length);
        cluster.cpu(0).resetTo(LOAD, 1);
        sim.runUntilHalted(limitPs);
        return console.toString();
    }

    static byte[] load(String image) {
        try (InputStream in = TestBoard.class.getResourceAsStream(image + ".bin")) {
            if (in == null) {
                throw new IllegalArgumentException("no image " + image);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
