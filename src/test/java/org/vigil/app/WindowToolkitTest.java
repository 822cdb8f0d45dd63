package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer runs the station on a Linux machine without GTK 3: JavaFX fails with "Unable to
 * load glass GTK library". The station says in one line what is missing and how to install
 * it, exits non-zero, and has not opened its database (no session half-made).
 */
class WindowToolkitTest {

    @TempDir
    Path dir;

    @AfterEach
    void stopLogFile() {
        LogFiles.stop(); // the launcher started one in the temporary data folder
    }

    @Test
    void withoutGtkTheStationSaysWhatToInstallExitsNonZeroAndWritesNoSession() throws Exception {
        Path data = dir.resolve("data");
        Path config = dir.resolve("station.yaml");
        Files.writeString(config, """
                chairs:
                  - id: chair-1
                    label: Chair 1
                    devices:
                      - { id: ox, protocol: masimo, port: simulated }
                """);
        StationOptions options = new StationOptions();
        options.config = config;
        options.dataDir = data;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] toolkitStarts = new int[1];
        StationLauncher launcher = new StationLauncher(options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("DISPLAY", ":0"), () -> {
                    toolkitStarts[0]++;
                    throw new UnsupportedOperationException("Unable to load glass GTK library.");
                });

        int code = launcher.run();

        assertEquals(1, toolkitStarts[0]);
        assertTrue(code != 0, "exit code " + code);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("window")).toList();
        assertEquals(1, lines.size(), err.toString(StandardCharsets.UTF_8));
        assertTrue(lines.get(0).contains("GTK 3 library is missing") && lines.get(0).contains("sudo apt-get install libgtk-3-0"),
                lines.get(0));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("\tat "), "no stack trace on the console");
        assertFalse(Files.exists(data.resolve("vigil.db")), "no database, no session");
        assertEquals("", out.toString(StandardCharsets.UTF_8), "no 'session saved'");
    }

    @Test
    void otherToolkitFailuresAreExplainedInOneLineToo() {
        assertTrue(WindowToolkit.explain(new UnsatisfiedLinkError("Unable to load glass GTK library."))
                .contains("sudo apt-get install libgtk-3-0"));
        assertTrue(WindowToolkit.explain(new UnsupportedOperationException("Unable to open DISPLAY"))
                .contains("display cannot be reached"));
        String other = WindowToolkit.explain(new RuntimeException("No toolkit found",
                new IllegalStateException("Graphics Device initialization failed\nfor : es2, sw")));
        assertEquals("vigil: cannot open the station window: No toolkit found: Graphics Device initialization failed"
                + " (details in the log file)", other);
    }
}
