package org.vigil.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseKeysTest {

    private static final Path HOME = Path.of("/home/ann");

    @TempDir
    Path dir;

    @Test
    void theKeyFolderIsTheUsersConfigurationFolderNeverTheDataFolder() {
        assertEquals(Path.of("/home/ann/.config/vigil/keys/database.key"),
                DatabaseKeys.fromEnvironment(Map.of(), HOME, "Linux").keyFile().orElseThrow());
        assertEquals(Path.of("/xdg/vigil/keys/database.key"),
                DatabaseKeys.fromEnvironment(Map.of("XDG_CONFIG_HOME", "/xdg"), HOME, "Linux").keyFile().orElseThrow());
        assertEquals(Path.of("/home/ann/Library/Application Support/Vigil/keys/database.key"),
                DatabaseKeys.fromEnvironment(Map.of(), HOME, "Mac OS X").keyFile().orElseThrow());
        assertEquals(Path.of("/appdata/Vigil/keys/database.key"),
                DatabaseKeys.fromEnvironment(Map.of("APPDATA", "/appdata"), HOME, "Windows 11").keyFile().orElseThrow());
        assertEquals(Path.of("/srv/keys/database.key"),
                DatabaseKeys.fromEnvironment(Map.of(DatabaseKeys.ENV_KEY_DIR, "/srv/keys"), HOME, "Linux").keyFile().orElseThrow());
        assertTrue(DatabaseKeys.fromEnvironment(Map.of(DatabaseKeys.ENV_KEY, "ab".repeat(32)), HOME, "Linux").keyFile().isEmpty(),
                "the environment's key needs no file");
    }

    @Test
    void aKeyIsMadeOnceAndReadBackTheSame() throws Exception {
        DatabaseKeys keys = DatabaseKeys.inFolder(dir.resolve("keys"), Map.of());
        assertTrue(keys.existing().isEmpty());
        DatabaseKey made = keys.existingOrNew();
        DatabaseKey read = DatabaseKeys.inFolder(dir.resolve("keys"), Map.of()).existing().orElseThrow();
        assertEquals(made.hex(), read.hex());
        assertEquals(made.hex(), keys.existingOrNew().hex(), "never a second key");
        assertFalse(made.toString().contains(made.hex()), "the key is never printed");
    }

    @Test
    void aKeyFileOthersCouldReadIsMadeOwnerOnly() throws Exception {
        DatabaseKeys keys = DatabaseKeys.inFolder(dir.resolve("keys"), Map.of());
        keys.existingOrNew();
        Path file = keys.keyFile().orElseThrow();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        keys.existing().orElseThrow();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aKeyFileThatHoldsNoKeyIsAnErrorNamingIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("keys"));
        Files.writeString(folder.resolve(DatabaseKeys.KEY_FILE), "hunter2\n");
        StorageException e = assertThrows(StorageException.class, () -> DatabaseKeys.inFolder(folder, Map.of()).existing());
        assertTrue(e.getMessage().contains(folder.resolve(DatabaseKeys.KEY_FILE).toString()), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
