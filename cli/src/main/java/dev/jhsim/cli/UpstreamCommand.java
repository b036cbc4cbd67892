package dev.jhsim.cli;

/**
 * Marks the commands of upstream's {@code jailhouse} tool, whose usage errors
 * exit with status 1 as upstream's do (jhsim's own commands use 2).
 */
interface UpstreamCommand {
}
