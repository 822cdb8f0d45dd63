package org.vigil.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Folders and files readable by their owner only ({@code rwx------} and {@code rw-------}) where the
 * file system has POSIX permissions; elsewhere (Windows) the user's profile folder already is.
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /**
     * Creates {@code dir} and its missing parents; every folder created here is owner-only (folders
     * that already exist keep their permissions, except {@code dir} itself when {@code tighten}).
     */
    public static Path createDirectories(Path dir, boolean tighten) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = abs; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            try {
                Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                continue; // made by someone else meanwhile
            }
            restrict(p);
        }
        if (tighten) {
            restrict(abs);
        }
        return abs;
    }

    /** Makes an existing file or folder owner-only; does nothing where POSIX permissions do not exist. */
    public static void restrict(Path p) throws IOException {
        if (!Files.exists(p) || !isPosix(p)) {
            return;
        }
        Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIR : FILE);
    }

    /** {@link #restrict} for files that may not exist (the database's -wal and -shm), ignoring errors. */
    public static void restrictQuietly(Path p) {
        try {
            restrict(p);
        } catch (IOException | RuntimeException e) {
            // best effort: the folder above is owner-only already
        }
    }

    /** True when group or others may read {@code p} (false where POSIX permissions do not exist). */
    public static boolean readableByOthers(Path p) throws IOException {
        if (!isPosix(p)) {
            return false;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ);
    }

    /** Writes {@code text} to a new owner-only file beside {@code target}, then moves it over {@code target}. */
    public static void writeAtomically(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            restrict(tmp);
            Files.writeString(tmp, text);
            try {
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean isPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
