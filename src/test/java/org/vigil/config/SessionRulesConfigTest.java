package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.session.SessionRules;

/** The clinic's session rules come from the {@code session} section, with file:line errors. */
class SessionRulesConfigTest {

    @TempDir
    Path dir;

    @Test
    void withoutASectionTheDefaultsOfTheClinicalBriefApply() throws Exception {
        StationConfig c = new ConfigFiles(dir).load("""
                chairs:
                  - id: chair-1
                    devices:
                      - { id: ox, protocol: masimo, port: simulated }
                """);
        assertEquals(SessionRules.DEFAULTS, c.sessionRules());
    }

    @Test
    void everyNumberCanBeChanged() throws Exception {
        SessionRules r = new ConfigFiles(dir).load("""
                chairs:
                  - id: chair-1
                    devices:
                      - { id: ox, protocol: masimo, port: simulated }
                session:
                  weight_kg: { min: 40, max: 200 }
                  dose_mg_per_kg: { min: 0.2, max: 0.8, usual_max: 0.6 }
                  start_gate: 150/95
                  cuff_every: { infusion: 3m, recovery: 10m }
                  score_every: 10m
                  discharge: { aldrete_min: 8, bp_within_percent: 25, spo2_above: 90 }
                  post_dose_checkpoint: 30m
                """).sessionRules();
        assertEquals(new SessionRules.Range(40, 200), r.weightKg());
        assertEquals(0.6, r.usualDoseMax());
        assertEquals(150, r.gateSys());
        assertEquals(95, r.gateDia());
        assertEquals(Duration.ofMinutes(3), r.cuffEveryInfusion());
        assertEquals(Duration.ofMinutes(10), r.cuffEveryRecovery());
        assertEquals(8, r.aldreteMin());
        assertEquals(0.25, r.bpWithinFraction(), 1e-9);
        assertEquals(Duration.ofMinutes(30), r.postDoseCheckpoint());
        assertEquals(SessionRules.DEFAULTS.concentrationMgPerMl(), r.concentrationMgPerMl(), "not given: default");
    }

    @Test
    void implausibleRulesAreRefusedWithTheirLine() throws Exception {
        String msg = new ConfigFiles(dir).errors("""
                chairs:
                  - id: chair-1
                    devices:
                      - { id: ox, protocol: masimo, port: simulated }
                session:
                  dose_mg_per_kg: { min: 0.2, max: 0.8, usual_max: 0.9 }
                  start_gate: 90/140
                  discharge: { aldrete_min: 12 }
                  pump: 5
                """);
        assertTrue(msg.contains(":6:") && msg.contains("usual_max"), msg);
        assertTrue(msg.contains(":7:") && msg.contains("start_gate"), msg);
        assertTrue(msg.contains(":8:") && msg.contains("aldrete_min"), msg);
        assertTrue(msg.contains(":9:") && msg.contains("pump"), msg);
    }
}
