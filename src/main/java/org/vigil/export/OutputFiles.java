package org.vigil.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Writes an export next to its target and moves it into place at the end, so a failed or cancelled export leaves nothing. */
final class OutputFiles {

    interface Work {
        void write(Path tmp) throws IOException;
    }

    private OutputFiles() {
    }

    static void write(Path target, Work work) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            work.write(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A folder export: written into a hidden sibling folder, then renamed (refused when the target is a non-empty folder). */
    static void writeFolder(Path target, Work work) throws IOException {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            try (Stream<Path> s = Files.list(abs)) {
                if (s.findAny().isPresent()) {
                    throw new IOException("export folder " + abs + " exists and is not empty");
                }
            }
            Files.delete(abs);
        } else if (Files.exists(abs)) {
            throw new IOException(abs + " exists and is not a folder");
        }
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + "-");
        try {
            work.write(tmp);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(tmp)) {
                try (Stream<Path> s = Files.walk(tmp)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}
