package dev.jhsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reports the jhsim version and the Jailhouse configuration revisions it understands. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        return new String[] {
            "Jailhouse management tool (jhsim " + jhsimVersion() + ")",
            "Configuration revisions 12, 13, 14 and the MinervaSys revision-14 variant",
        };
    }

    /** jhsim's version, as the build recorded it. */
    String jhsimVersion() throws IOException {
        Properties props = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/jhsim-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        }
        return props.getProperty("version", "unknown");
    }
}
