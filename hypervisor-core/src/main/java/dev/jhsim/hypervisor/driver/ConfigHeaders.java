package dev.jhsim.hypervisor.driver;

import dev.jhsim.config.ConfigFormatException;
import dev.jhsim.config.binary.ConfigReader;
import dev.jhsim.config.binary.LayoutHint;
import dev.jhsim.config.model.Architecture;
import dev.jhsim.config.model.CellConfig;
import dev.jhsim.config.model.ConfigFile;
import dev.jhsim.config.model.Layout;
import dev.jhsim.config.model.SystemConfig;
import java.nio.charset.StandardCharsets;

/**
 * The driver's checks of a configuration's header before anything else
 * ({@code jailhouse_cmd_enable}, {@code jailhouse_cmd_cell_create}): the
 * signature of the expected kind, a revision this hypervisor reads, the
 * arm64 architecture. jhsim's hypervisor reads every revision the
 * configuration reader knows (12, 13, 14 and the MinervaSys variant); once
 * enabled, cells must have the system configuration's revision, as they
 * must have the driver's on hardware.
 */
final class ConfigHeaders {
    private static final int HEADER = 8;

    private ConfigHeaders() {
    }

    static SystemConfig system(String operation, byte[] bytes) throws DriverException {
        if (!signature(bytes, "JHSYS")) {
            throw new DriverException(operation, Errno.EINVAL, "Not a system configuration");
        }
        int revision = revision(bytes);
        if (revision < Layout.V12.revision() || revision > Layout.V14.revision()
                || signature(bytes, "JHSYST") == (revision == Layout.V14.revision())) {
            throw new DriverException(operation, Errno.EINVAL, "Configuration revision mismatch: revision "
                    + revision + " with this signature is none jhsim reads (12, 13 or 14)");
        }
        checkArchitectureByte(operation, bytes);
        SystemConfig system = (SystemConfig) parse(operation, bytes, LayoutHint.AUTO);
        if (!system.isArmPlatform()) {
            throw architectureMismatch(operation, "x86");
        }
        return system;
    }

    static void requireCellSignature(String operation, byte[] bytes) throws DriverException {
        if (!signature(bytes, "JHCLL") && !signature(bytes, "JHCELL")) {
            throw new DriverException(operation, Errno.EINVAL, "Not a cell configuration");
        }
    }

    /** A cell configuration of the running system's revision; {@code layout}: the system configuration's. */
    static CellConfig cell(String operation, byte[] bytes, Layout layout) throws DriverException {
        requireCellSignature(operation, bytes);
        String expected = layout.hasArchitectureByte() ? "JHCLL" : "JHCELL";
        int revision = revision(bytes);
        if (!signature(bytes, expected) || revision != layout.revision()) {
            throw new DriverException(operation, Errno.EINVAL, "Configuration revision mismatch: revision "
                    + revision + ", the hypervisor runs " + layout.description() + " configurations");
        }
        checkArchitectureByte(operation, bytes);
        LayoutHint hint = layout.isMinervaSys() ? LayoutHint.MINERVASYS
                : layout == Layout.V14 ? LayoutHint.UPSTREAM : LayoutHint.AUTO;
        return (CellConfig) parse(operation, bytes, hint);
    }

    private static int revision(byte[] bytes) {
        return bytes.length < HEADER ? -1 : bytes[6] & 0xFF | (bytes[7] & 0xFF) << 8;
    }

    /** Anything the reader refuses beyond the header: the driver would copy garbage; jhsim says what. */
    private static ConfigFile parse(String operation, byte[] bytes, LayoutHint hint) throws DriverException {
        try {
            return ConfigReader.readLenient(bytes, hint).file();
        } catch (ConfigFormatException e) {
            throw new DriverException(operation, Errno.EINVAL, e.getMessage());
        }
    }

    /**
     * Revision-14 headers name the architecture (byte 5); older ones do not,
     * and only a system configuration's platform part tells arm from x86.
     */
    private static void checkArchitectureByte(String operation, byte[] bytes) throws DriverException {
        if (revision(bytes) == Layout.V14.revision() && bytes[5] != Architecture.ARM64.id()) {
            Architecture found = Architecture.ofId(bytes[5] & 0xFF);
            throw architectureMismatch(operation, found == null ? "unknown (" + (bytes[5] & 0xFF) + ")"
                    : found.displayName());
        }
    }

    private static DriverException architectureMismatch(String operation, String found) {
        return new DriverException(operation, Errno.EINVAL, "Configuration architecture mismatch: " + found
                + ", the board is arm64");
    }

    private static boolean signature(byte[] bytes, String signature) {
        byte[] expected = signature.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
