package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolutionTest {

    @TempDir
    Path tmp;

    private Path work;
    private Path home;
    private ConfigLoader loader;

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createDirectories(tmp.resolve("work"));
        home = Files.createDirectories(tmp.resolve("home"));
        loader = new ConfigLoader(new UserEnvironment(work, home, "Linux", Map.of()));
    }

    private static Path writeStation(Path file, String chairId) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "chairs:\n  - id: " + chairId
                + "\n    devices:\n      - { id: ox, protocol: masimo, port: simulated }\n");
    }

    private static String chairOf(ResolvedConfig r) {
        return r.config().chairs().get(0).id();
    }

    @Test
    void noFileAnywhereGivesTheBuiltInStation() throws Exception {
        ResolvedConfig r = loader.resolve(null);
        assertEquals(ConfigOrigin.BUILT_IN, r.origin());
        assertEquals(loader.defaults(), r.config());
        assertEquals("configuration: built-in simulated station (no station.yaml found)", r.describe());
    }

    @Test
    void userConfigFolderIsUsedWhenTheWorkingFolderHasNoFile() throws Exception {
        Path user = writeStation(home.resolve(".config/vigil/station.yaml"), "user");
        ResolvedConfig r = loader.resolve(null);
        assertEquals(ConfigOrigin.USER_CONFIG, r.origin());
        assertEquals("user", chairOf(r));
        assertEquals(user, r.config().source());
        assertEquals("configuration: " + user + " (found in the user configuration folder)", r.describe());
    }

    @Test
    void workingFolderFileWinsOverTheUserFile() throws Exception {
        writeStation(home.resolve(".config/vigil/station.yaml"), "user");
        Path local = writeStation(work.resolve("config/station.yaml"), "local");
        ResolvedConfig r = loader.resolve(null);
        assertEquals(ConfigOrigin.WORKING_DIR, r.origin());
        assertEquals("local", chairOf(r));
        assertEquals(local, r.config().source());
    }

    @Test
    void explicitFileWinsOverEverythingAndIsReadRelativeToTheWorkingFolder() throws Exception {
        writeStation(home.resolve(".config/vigil/station.yaml"), "user");
        writeStation(work.resolve("config/station.yaml"), "local");
        writeStation(work.resolve("clinic/other.yaml"), "explicit");
        ResolvedConfig r = loader.resolve(Path.of("clinic/other.yaml"));
        assertEquals(ConfigOrigin.EXPLICIT, r.origin());
        assertEquals("explicit", chairOf(r));
        assertEquals(work.resolve("clinic/other.yaml"), r.config().source());
    }

    @Test
    void explicitFileThatDoesNotExistIsAnErrorNotTheDefaults() throws Exception {
        writeStation(work.resolve("config/station.yaml"), "local");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.resolve(Path.of("typo.yaml")));
        assertTrue(e.getMessage().startsWith("typo.yaml: file not found"), e.getMessage());
    }

    @Test
    void brokenFoundFileIsAnErrorNotTheDefaults() throws Exception {
        Files.createDirectories(work.resolve("config"));
        Files.writeString(work.resolve("config/station.yaml"), "chairs: []\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.resolve(null));
        assertEquals("station.yaml:1: chairs: no chairs (at least one is required)", e.getMessage());
    }

    @Test
    void xdgConfigHomeMovesTheUserFile() throws Exception {
        Path xdg = tmp.resolve("xdg");
        ConfigLoader l = new ConfigLoader(new UserEnvironment(work, home, "Linux",
                Map.of("XDG_CONFIG_HOME", xdg.toString())));
        writeStation(xdg.resolve("vigil/station.yaml"), "xdg");
        ResolvedConfig r = l.resolve(null);
        assertEquals(ConfigOrigin.USER_CONFIG, r.origin());
        assertEquals("xdg", chairOf(r));
    }

    @Test
    void userFoldersFollowEachOperatingSystem() {
        Path h = Path.of("/home/ann");
        UserEnvironment linux = new UserEnvironment(work, h, "Linux", Map.of());
        assertEquals(h.resolve(".local/share/vigil"), linux.dataDir());
        assertEquals(h.resolve(".config/vigil"), linux.configDir());
        UserEnvironment xdg = new UserEnvironment(work, h, "Linux",
                Map.of("XDG_DATA_HOME", "/data", "XDG_CONFIG_HOME", "relative/ignored"));
        assertEquals(Path.of("/data/vigil"), xdg.dataDir());
        assertEquals(h.resolve(".config/vigil"), xdg.configDir());
        UserEnvironment mac = new UserEnvironment(work, h, "Mac OS X", Map.of());
        assertEquals(h.resolve("Library/Application Support/Vigil"), mac.dataDir());
        assertEquals(h.resolve("Library/Application Support/Vigil"), mac.configDir());
        UserEnvironment win = new UserEnvironment(work, h, "Windows 11", Map.of("APPDATA", "/roaming"));
        assertEquals(Path.of("/roaming/Vigil"), win.dataDir());
        assertEquals(Path.of("/roaming/Vigil"), win.configDir());
        UserEnvironment winNoAppData = new UserEnvironment(work, h, "Windows 10", Map.of());
        assertEquals(h.resolve("AppData/Roaming/Vigil"), winNoAppData.dataDir());
    }
}
