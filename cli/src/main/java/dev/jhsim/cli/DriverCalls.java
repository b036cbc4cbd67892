package dev.jhsim.cli;

import dev.jhsim.hypervisor.driver.DriverException;

/** Runs a driver call and reports its failure the way upstream's tool does, plus jhsim's reason. */
final class DriverCalls {
    private DriverCalls() {
    }

    /** A driver call that may fail with an errno. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws DriverException;
    }

    /**
     * Returns the call's result; on failure, upstream's {@code perror} line
     * ({@code JAILHOUSE_CELL_CREATE: Device or resource busy}) and, where the
     * simulator knows it, a second line with the precise reason; exit status 1.
     */
    static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (DriverException e) {
            if (e.reason().isEmpty()) {
                throw new UserError(1, e.upstreamLine());
            }
            throw new UserError(1, e.upstreamLine(), "jhsim: " + e.reason());
        }
    }
}
