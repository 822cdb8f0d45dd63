package org.vigil.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the session database's key comes from (decision "database key"): the environment
 * variable {@value #ENV_KEY} (64 hex digits; headless stations and CI), else the key file
 * {@value #KEY_FILE} in the key folder, which is never the data folder: {@value #ENV_KEY_DIR}, else
 * {@code $XDG_CONFIG_HOME/vigil/keys} or {@code ~/.config/vigil/keys} (Linux),
 * {@code ~/Library/Application Support/Vigil/keys} (macOS), {@code %APPDATA%\Vigil\keys} (Windows).
 * The folder and the file are owner-only. A key file is created only for a database that does not
 * exist yet or is still unencrypted; a key that is missing for an encrypted file is an error.
 */
public final class DatabaseKeys {

    public static final String ENV_KEY = "VIGIL_DB_KEY";
    public static final String ENV_KEY_DIR = "VIGIL_KEY_DIR";
    public static final String KEY_FILE = "database.key";

    private static final Logger log = LoggerFactory.getLogger(DatabaseKeys.class);
    /** The station's writer and audit threads open a new database at once: one of them makes the key. */
    private static final Object CREATE = new Object();

    private final DatabaseKey fixed;
    private final String envText;
    private final Path keyDir;
    private final SecureRandom random = new SecureRandom();

    private DatabaseKeys(DatabaseKey fixed, String envText, Path keyDir) {
        this.fixed = fixed;
        this.envText = envText == null || envText.isBlank() ? null : envText;
        this.keyDir = keyDir == null ? null : keyDir.toAbsolutePath().normalize();
    }

    /** The running JVM's environment and home folder. */
    public static DatabaseKeys standard() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""));
    }

    /** As {@link #standard()}, from the given environment variables, home folder and {@code os.name}. */
    public static DatabaseKeys fromEnvironment(Map<String, String> env, Path home, String osName) {
        String dir = env.get(ENV_KEY_DIR);
        Path keyDir = dir != null && !dir.isBlank() ? Path.of(dir) : defaultKeyDir(env, home, osName);
        return new DatabaseKeys(null, env.get(ENV_KEY), keyDir);
    }

    /** The key file in {@code keyDir}, unless {@code env} holds {@value #ENV_KEY}. */
    public static DatabaseKeys inFolder(Path keyDir, Map<String, String> env) {
        return new DatabaseKeys(null, env.get(ENV_KEY), keyDir);
    }

    /** Always {@code key} (tests, tools given the key). */
    public static DatabaseKeys of(DatabaseKey key) {
        return new DatabaseKeys(key, null, null);
    }

    static Path defaultKeyDir(Map<String, String> env, Path home, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData);
            return base.resolve("Vigil").resolve("keys");
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Vigil").resolve("keys");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("vigil").resolve("keys");
    }

    /** The key file this source reads and creates, when the key does not come from elsewhere. */
    public Optional<Path> keyFile() {
        return fixed != null || envText != null || keyDir == null ? Optional.empty() : Optional.of(keyDir.resolve(KEY_FILE));
    }

    /** Where the key comes from, for messages: {@code VIGIL_DB_KEY} or {@code key file PATH}. */
    public String describe() {
        if (fixed != null) {
            return fixed.source();
        }
        if (envText != null) {
            return ENV_KEY;
        }
        return "key file " + keyDir.resolve(KEY_FILE);
    }

    /**
     * The key, if there is one.
     *
     * @throws StorageException when {@value #ENV_KEY} or the key file holds something that is not a key
     */
    public Optional<DatabaseKey> existing() {
        if (fixed != null) {
            return Optional.of(fixed);
        }
        if (envText != null) {
            try {
                return Optional.of(DatabaseKey.fromHex(envText, ENV_KEY));
            } catch (IllegalArgumentException e) {
                throw new StorageException(e.getMessage(), e);
            }
        }
        Path file = keyDir.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (OwnerOnly.readableByOthers(file)) {
                log.warn("key file {} was readable by other users; made owner-only", file);
                OwnerOnly.restrict(file);
            }
            return Optional.of(DatabaseKey.fromHex(Files.readString(file), file.toString()));
        } catch (IOException e) {
            throw new StorageException("cannot read the database key file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new StorageException(e.getMessage(), e);
        }
    }

    /** The existing key, or a new random one written to a new owner-only key file (first run). */
    public DatabaseKey existingOrNew() {
        synchronized (CREATE) {
            return existingOrCreate();
        }
    }

    private DatabaseKey existingOrCreate() {
        Optional<DatabaseKey> key = existing();
        if (key.isPresent()) {
            return key.get();
        }
        Path file = keyDir.resolve(KEY_FILE);
        try {
            OwnerOnly.createDirectories(keyDir, true);
            DatabaseKey fresh = DatabaseKey.random(random, file.toString());
            try {
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException e) {
                return existing().orElseThrow(); // another process made it first
            }
            Files.writeString(file, fresh.hex() + System.lineSeparator());
            log.info("new database key written to {} (owner-only; back it up apart from the data)", file);
            return fresh;
        } catch (IOException e) {
            throw new StorageException("cannot create the database key file " + file + ": " + e.getMessage(), e);
        }
    }
}
