package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A scenario on a simulated GE S/5 monitor runs through the S/5 encoder and decoder end to end. */
class S5ScenarioCommandTest {

    @Test
    void bradycardiaAndDesaturationOnAnS5MonitorRaiseTheirAlarms(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ge-s5.yaml");
        Files.writeString(file, """
                name: GE S/5 monitor, bradycardia then desaturation
                duration: 8m
                devices:
                  mon: { protocol: ge-s5, reports: [hr, rr, spo2, pr, nibp], nibp_interval: 5m }
                vitals: { hr: 72, rr: 14, pr: 72, spo2: 98, nibp: 124/78 }
                events:
                  - { at: 2m, set: { hr: 38, pr: 38 } }
                  - { at: 3m, set: { hr: 72, pr: 72 } }
                  - { at: 5m, set: { spo2: 84 } }
                  - { at: 6m, set: { spo2: 97 } }
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        assertEquals(0, cl.execute("scenario", file.toString()), err::toString);

        List<String> raised = out.toString().lines().filter(l -> l.contains(",raised,")).toList();
        assertEquals(List.of("130,raised,hr.low,medium,hr,38,50", "130,raised,hr.very_low,high,hr,38,40",
                "300,raised,spo2.desat,high,spo2,84,85", "315,raised,spo2.low,medium,spo2,84,90"), raised);
    }
}
