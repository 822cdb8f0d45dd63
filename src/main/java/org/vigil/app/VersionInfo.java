package org.vigil.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The software version, from the build (recorded with every session). */
public final class VersionInfo implements IVersionProvider {

    /** The version string, e.g. {@code 0.1.0-SNAPSHOT}, or {@code dev} when run from an IDE without a build. */
    public static String version() {
        try (InputStream in = VersionInfo.class.getResourceAsStream("/org/vigil/app/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Vigil " + version()};
    }
}
