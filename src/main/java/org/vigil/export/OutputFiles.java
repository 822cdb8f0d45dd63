package org.vigil.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.CompressionMethod;
import net.lingala.zip4j.model.enums.EncryptionMethod;

/** Writes an export next to its target and moves it into place at the end, so a failed or cancelled export leaves nothing. */
final class OutputFiles {

    interface Work {
        void write(Path tmp) throws IOException;
    }

    /** Writes one file's bytes to {@code out} (which the caller must not close). */
    interface StreamWork {
        void write(OutputStream out) throws IOException;
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

    /**
     * A one-file export: the bytes go to {@code target} as they are, or, when {@code protection} has
     * a password, into an AES-256 encrypted zip at {@code target} holding one entry named
     * {@code entryName}. Either way the file appears only once it is complete.
     */
    static void writeOne(Path target, String entryName, ExportProtection protection, StreamWork work) throws IOException {
        write(target, tmp -> {
            if (!protection.isProtected()) {
                try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    work.write(new NonClosing(o));
                }
                return;
            }
            try (EncryptedZip zip = new EncryptedZip(tmp, protection)) {
                zip.entry(entryName, 0L, work);
            }
        });
    }

    /** The name of the one entry in a protected one-file export: the target's name without {@code .zip}. */
    static String entryName(Path target) {
        String n = target.getFileName().toString();
        return n.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? n.substring(0, n.length() - 4) : n;
    }

    /** An AES-256 encrypted zip being written (entries deflated, then encrypted). */
    static final class EncryptedZip implements AutoCloseable {
        private final ZipOutputStream zip;
        /** The zip derives each entry's key from this array, so it is overwritten only on close. */
        private final char[] password;

        EncryptedZip(Path file, ExportProtection protection) throws IOException {
            password = protection.password();
            zip = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16), password);
        }

        /** Adds the entry {@code name} (last modified {@code epochMillis}, or now when 0) written by {@code work}. */
        void entry(String name, long epochMillis, StreamWork work) throws IOException {
            ZipParameters p = new ZipParameters();
            p.setFileNameInZip(name);
            p.setCompressionMethod(CompressionMethod.DEFLATE);
            p.setEncryptFiles(true);
            p.setEncryptionMethod(EncryptionMethod.AES);
            p.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
            if (epochMillis > 0) {
                p.setLastModifiedFileTime(epochMillis);
            }
            zip.putNextEntry(p);
            work.write(new NonClosing(zip));
            zip.closeEntry();
        }

        @Override
        public void close() throws IOException {
            try {
                zip.close();
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }
    }

    /** Lets a writer be closed without closing the stream beneath it (a zip entry, a buffered file). */
    static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
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
