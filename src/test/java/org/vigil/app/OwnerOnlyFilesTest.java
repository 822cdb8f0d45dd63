package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder and the log files are created readable by their owner only. */
class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @AfterEach
    void stopLogging() {
        LogFiles.stop();
    }

    @Test
    void aNewDataFolderItsLogFolderAndLogFileAreOwnerOnly() throws Exception {
        Path data = dir.resolve("new/data");
        Path file = LogFiles.startIn(data).orElseThrow();
        org.slf4j.LoggerFactory.getLogger(getClass()).warn("a line");
        assertEquals("rwx------", perms(data));
        assertEquals("rwx------", perms(data.resolve(LogFiles.DIRECTORY)));
        assertEquals("rw-------", perms(file));
    }

    private static String perms(Path p) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
