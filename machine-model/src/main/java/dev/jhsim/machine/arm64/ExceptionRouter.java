package dev.jhsim.machine.arm64;

/**
 * Receives every exception the core takes, with its {@link Syndrome}. The
 * router decides what happens: a user-mode runner emulates system calls and
 * stops on anything else; a system model vectors into the guest or calls a
 * hypervisor. On return the CPU continues at whatever PC the router left.
 */
@FunctionalInterface
public interface ExceptionRouter {
    void route(Arm64Cpu cpu, Syndrome syndrome);

    /** The default when nothing is plugged in: halt the CPU and keep the syndrome for inspection. */
    ExceptionRouter HALT = (cpu, s) -> cpu.halt("unhandled exception: " + s);
}
