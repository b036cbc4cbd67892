package dev.jhsim.machine.arm64.linux;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.sysreg.BaseRegisters;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.sim.Simulation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Runs a static AArch64 Linux executable at EL0 on one simulated CPU, with
 * the Linux system calls emulated: {@code jailhouse sim exec}, the
 * differential tests and the benchmark all run programs through here.
 */
public final class UserModeRunner {
    /** The CPU clock: 1 GHz, one instruction per cycle, so simulated nanoseconds count instructions. */
    public static final long FREQUENCY_HZ = 1_000_000_000L;
    /** Cortex-A57 r1p0, the core of the boards this project models. */
    private static final long MIDR = 0x411FD070L;
    private static final long QUANTUM = 1_000_000;

    /** How a run ended. {@code error} is {@code null} for a normal exit. */
    public record Result(int exitCode, String error, long instructions, long simulatedPs, long hostNanos) {
        /** Guest instructions per host microsecond. */
        public double mips() {
            return hostNanos == 0 ? 0 : instructions * 1000.0 / hostNanos;
        }
    }

    private UserModeRunner() {
    }

    /**
     * Loads {@code elf} and runs it to its exit, or until {@code limitPs} of
     * simulated time. {@code argv[0]} is the program name; the environment is
     * empty so that runs do not depend on the host.
     */
    public static Result run(byte[] elf, String executablePath, List<String> argv, InputStream stdin,
            OutputStream stdout, OutputStream stderr, long limitPs) throws ElfException, IOException {
        ElfImage image = ElfImage.parse(elf);
        PhysicalBus bus = new PhysicalBus();
        LinuxProcess process = new LinuxProcess(bus, image);
        Arm64Cpu cpu = new Arm64Cpu(0, bus, BaseRegisters.create(MIDR), FREQUENCY_HZ);
        LinuxSyscalls kernel = new LinuxSyscalls(process, stdin, stdout, stderr, executablePath);
        cpu.setRouter(kernel);
        process.start(cpu, image, argv, List.of());
        Simulation sim = new Simulation(QUANTUM);
        sim.addProcessor(cpu);
        long begin = System.nanoTime();
        Simulation.Outcome outcome = sim.runUntilHalted(limitPs);
        long host = System.nanoTime() - begin;
        stdout.flush();
        stderr.flush();
        String error = kernel.failure();
        int code = kernel.exitCode();
        if (outcome == Simulation.Outcome.TIME_REACHED) {
            error = "stopped after " + limitPs / 1_000_000_000L + " ms of simulated time";
            code = 124;
        } else if (outcome == Simulation.Outcome.IDLE) {
            error = "the program waits for an interrupt that never comes";
            code = 124;
        }
        long simulatedPs = cpu.retired() * (Simulation.PS_PER_SECOND / FREQUENCY_HZ);
        return new Result(code, error, cpu.retired(), simulatedPs, host);
    }
}
