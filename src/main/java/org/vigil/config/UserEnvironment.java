package org.vigil.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The facts about the user and machine that decide where configuration and data live. Made once
 * from the running JVM with {@link #current()}; tests make their own.
 *
 * @param workingDir the folder the station was started in
 * @param home       the user's home folder
 * @param osName     the {@code os.name} system property
 * @param env        environment variables ({@code XDG_DATA_HOME}, {@code XDG_CONFIG_HOME}, {@code APPDATA})
 */
public record UserEnvironment(Path workingDir, Path home, String osName, Map<String, String> env) {

    public UserEnvironment {
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(osName, "osName");
        env = Map.copyOf(env);
    }

    /** The running JVM's working folder, home, operating system and environment. */
    public static UserEnvironment current() {
        return new UserEnvironment(Path.of(System.getProperty("user.dir")).toAbsolutePath(),
                Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""), System.getenv());
    }

    /**
     * The per-user data folder: {@code $XDG_DATA_HOME/vigil} or {@code ~/.local/share/vigil} on
     * Linux and other Unixes, {@code ~/Library/Application Support/Vigil} on macOS,
     * {@code %APPDATA%\Vigil} on Windows.
     */
    public Path dataDir() {
        return switch (os()) {
            case MAC -> home.resolve("Library").resolve("Application Support").resolve("Vigil");
            case WINDOWS -> appData().resolve("Vigil");
            case UNIX -> xdg("XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve("vigil");
        };
    }

    /**
     * The per-user configuration folder holding {@code station.yaml}: {@code $XDG_CONFIG_HOME/vigil}
     * or {@code ~/.config/vigil} on Linux and other Unixes, {@code ~/Library/Application Support/Vigil}
     * on macOS, {@code %APPDATA%\Vigil} on Windows (the same folder as the data on those two).
     */
    public Path configDir() {
        return switch (os()) {
            case MAC -> home.resolve("Library").resolve("Application Support").resolve("Vigil");
            case WINDOWS -> appData().resolve("Vigil");
            case UNIX -> xdg("XDG_CONFIG_HOME", home.resolve(".config")).resolve("vigil");
        };
    }

    private enum Os { UNIX, MAC, WINDOWS }

    private Os os() {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("windows")) {
            return Os.WINDOWS;
        }
        if (n.startsWith("mac") || n.contains("darwin")) {
            return Os.MAC;
        }
        return Os.UNIX;
    }

    private Path appData() {
        String a = env.get("APPDATA");
        return a == null || a.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(a);
    }

    /** An XDG base directory; relative values are invalid by the spec and ignored. */
    private Path xdg(String variable, Path fallback) {
        String v = env.get(variable);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        Path p = Path.of(v);
        return p.isAbsolute() ? p : fallback;
    }
}
