package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.device.transport.PtyPair;
import picocli.CommandLine;

/**
 * {@code record} prints the alarms raised while the station starts: chair 1's monitor, whose serial
 * port is missing, raises "disconnected" on its first attempt to open, while the station is still
 * starting chair 2 (simulated devices on pseudo-terminals); {@code record} used to attach its
 * printer only once the whole station had started, and that alarm never reached the printout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordStartupAlarmsTest {

    @TempDir
    Path dir;

    @Test
    void aPortMissingAtStartIsPrintedAsRaised() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        Path config = dir.resolve("station.yaml");
        Files.writeString(config, """
                station:
                  data_dir: data
                chairs:
                  - id: chair-1
                    label: Chair 1
                    devices:
                      - { id: mon, label: Monitor, protocol: ivy, port: "%s", vitals: [hr, nibp] }
                  - id: chair-2
                    label: Chair 2
                    devices:
                      - { id: ox, protocol: masimo, port: "simulated:steady.yaml" }
                """.formatted(dir.resolve("ttyUSB-unplugged")));
        Files.writeString(dir.resolve("steady.yaml"), """
                name: steady
                duration: 10m
                devices:
                  ox: { protocol: masimo, reports: [spo2, pr, pi] }
                vitals: { pr: 72, spo2: 98, pi: 3.5 }
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute("record", "--config", config.toString(), "--db", dir.resolve("vigil.db").toString(),
                "--duration", "1s");

        assertEquals(0, code, err.toString());
        String[] lines = out.toString().split("\n");
        assertEquals(AlarmPrinter.HEADER, lines[0]);
        assertTrue(out.toString().lines().anyMatch(l -> l.contains(",chair-1,raised,mon.disconnected,")),
                "the disconnected alarm raised at start is printed:\n" + out);
    }

    @Test
    void aRestoreWindowThatIsNoDurationIsRefusedBeforeAnythingStarts() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute("record", "--db", dir.resolve("vigil.db").toString(), "--restore-window", "half a minute",
                "--duration", "1s");

        assertEquals(2, code);
        assertTrue(err.toString().contains("record: --restore-window: "), err.toString());
        assertTrue(Files.notExists(dir.resolve("vigil.db")), "no session was started");
    }
}
