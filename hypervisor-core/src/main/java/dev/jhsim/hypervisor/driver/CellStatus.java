package dev.jhsim.hypervisor.driver;

import java.util.List;

/**
 * What {@code /sys/devices/jailhouse/cells/<id>/} says about a cell:
 * {@code name}, {@code state} ("running", "running/locked", "shut down",
 * "failed", "failed/comm revision"), {@code cpus_assigned_list} and
 * {@code cpus_failed_list}.
 */
public record CellStatus(int id, String name, String state, List<Integer> assignedCpus,
        List<Integer> failedCpus) {
    public CellStatus {
        assignedCpus = List.copyOf(assignedCpus);
        failedCpus = List.copyOf(failedCpus);
    }
}
