package org.vigil.sim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.testsupport.ResearchPack;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Vital;
import org.vigil.sim.DeviceScript;
import org.vigil.sim.Emission;
import org.vigil.sim.TextEncoder;
import org.vigil.sim.protocol.FrameEncoder;
import org.vigil.sim.protocol.SimDriver;
import org.vigil.sim.protocol.SimRegistry;

class RecordingTest {

    private static final Path SMALL = Path.of("device-sims", "src", "test", "resources", "replay", "small-numerics.csv");

    private static DeviceScript script(Recording r, String protocol, ReplayOptions o) {
        SimDriver standard = SimRegistry.standard().require(protocol);
        // the protocol's key and vitals, with a text encoder the test can read back
        SimDriver readable = new SimDriver() {
            @Override
            public String key() {
                return standard.key();
            }

            @Override
            public FrameEncoder newEncoder() {
                return new TextEncoder();
            }

            @Override
            public Set<Vital> reports() {
                return standard.reports();
            }
        };
        return r.script("dev", readable, o);
    }

    private static Map<Vital, Double> values(Emission e) {
        return TextEncoder.values(e.bytes());
    }

    @Test
    void smallFileReadsMinutesAndCuffMeasurements() throws Exception {
        Recording r = Recording.read(SMALL);
        assertEquals("small-numerics.csv", r.source());
        assertEquals(0, r.firstMinute());
        assertEquals(5, r.lastMinute());
        assertEquals(2, r.nibpMeasurements());
    }

    @Test
    void oximeterReplayCarriesOnlyPulseAndSpo2AndZeroMeansNoValue() throws Exception {
        List<Emission> es = script(Recording.read(SMALL), "masimo", ReplayOptions.defaults().withSpeed(60)).emissions();
        assertEquals(6, es.size());
        assertEquals(Map.of(), values(es.get(0)));
        assertEquals(Map.of(Vital.PR, 61.0, Vital.SPO2, 97.5), values(es.get(1)));
        assertEquals(Map.of(Vital.PR, 64.0, Vital.SPO2, 98.0), values(es.get(3)));
        assertEquals(Map.of(Vital.PR, 64.0, Vital.SPO2, 98.0), values(es.get(4)), "minute 4 is missing: minute 3 holds");
        assertTrue(es.stream().allMatch(e -> e.kind().equals(Emission.REPORT)));
    }

    @Test
    void monitorReplayMeasuresNibpWhereRowsHaveItAndHoldsIt() throws Exception {
        List<Emission> es = script(Recording.read(SMALL), "ivy", ReplayOptions.defaults().withSpeed(60)).emissions();
        assertEquals(Map.of(Vital.RR, 14.0), values(es.get(0)));
        assertEquals(List.of(Emission.REPORT, Emission.REPORT, Emission.NIBP, Emission.REPORT, Emission.REPORT, Emission.NIBP),
                es.stream().map(Emission::kind).toList());
        assertEquals(118.0, values(es.get(2)).get(Vital.NIBP_SYS));
        assertEquals(86.0, values(es.get(2)).get(Vital.NIBP_MEAN));
        assertEquals(118.0, values(es.get(4)).get(Vital.NIBP_SYS));
        assertTrue(!values(es.get(3)).containsKey(Vital.HR), "empty HR cell gives no value");
        assertEquals(88.0, values(es.get(5)).get(Vital.NIBP_MEAN), "missing mean is estimated: 66 + 65/3");
        assertEquals(70.0, values(es.get(5)).get(Vital.HR));
    }

    @Test
    void realTimeSpeedHoldsEachMinuteForSixtyReports() throws Exception {
        DeviceScript s = script(Recording.read(SMALL), "ivy", ReplayOptions.defaults());
        List<Emission> es = s.emissions();
        assertEquals(Duration.ofMinutes(6), s.duration());
        assertEquals(360, es.size());
        assertEquals(63.4, values(es.get(119)).get(Vital.HR));
        assertEquals(Emission.NIBP, es.get(120).kind());
        assertEquals(64.0, values(es.get(120)).get(Vital.HR));
        assertEquals(Duration.ofSeconds(120), es.get(120).at());
    }

    @Test
    void startMinuteAndLengthSelectAWindow() throws Exception {
        DeviceScript s = script(Recording.read(SMALL), "ivy",
                ReplayOptions.defaults().withStartMinute(2).withLength(Duration.ofMinutes(2)).withSpeed(2));
        List<Emission> es = s.emissions();
        assertEquals(60, es.size());
        assertEquals(Emission.NIBP, es.get(0).kind());
        assertEquals(118.0, values(es.get(0)).get(Vital.NIBP_SYS));
        assertEquals(13.2, values(es.get(59)).get(Vital.RR));
        assertEquals(1, es.stream().filter(e -> e.kind().equals(Emission.NIBP)).count());
        assertThrows(IllegalArgumentException.class,
                () -> script(Recording.read(SMALL), "ivy", ReplayOptions.defaults().withStartMinute(9)));
        assertThrows(IllegalArgumentException.class, () -> ReplayOptions.defaults().withSpeed(0));
    }

    private static String error(String csv) {
        return assertThrows(RecordingException.class, () -> Recording.read("bad.csv", csv)).getMessage();
    }

    @Test
    void badFilesNameFileLineAndColumn() {
        String h = "minute,HR[bpm],SpO2[%]\n";
        assertEquals("bad.csv:3:2: 'x' is not a number (HR[bpm])", error(h + "0,60,98\n1,x,97\n"));
        assertEquals("bad.csv:2:0: 2 fields, the header has 3", error(h + "0,60\n"));
        assertEquals("bad.csv:3:1: minute 0 does not follow minute 1", error(h + "1,60,98\n0,60,98\n"));
        assertEquals("bad.csv:2:3: negative value -1 (SpO2[%])", error(h + "0,60,-1\n"));
        assertEquals("bad.csv:2:1: 'one' is not a minute number", error(h + "one,60,98\n"));
        assertEquals("bad.csv:1:1: first column must be 'minute', not 'time'", error("time,HR[bpm]\n0,60\n"));
        assertEquals("bad.csv:1:0: no vital column (expected some of HR, PULSE, SpO2, RESP, NBPSys, NBPDias, NBPMean)",
                error("minute,ABPSys[mmHg]\n0,120\n"));
        assertEquals("bad.csv:1:0: empty file (expected a header such as minute,HR[bpm],SpO2[%],...)", error(""));
        assertEquals("bad.csv:1:0: no data rows after the header", error(h));
    }

    @Test
    void realMimicRecordingReplaysEveryCuffMeasurement() throws Exception {
        Recording r = Recording.read(ResearchPack.file("data", "mimic2_s00001_numerics_1min.csv"));
        assertEquals(0, r.firstMinute());
        assertEquals(1935, r.lastMinute());
        assertEquals(152, r.nibpMeasurements());
        List<Emission> es = script(r, "ivy", ReplayOptions.defaults().withSpeed(60)).emissions();
        assertEquals(1936, es.size());
        assertEquals(152, es.stream().filter(e -> e.kind().equals(Emission.NIBP)).count());
        Map<Vital, Double> m14 = values(es.get(14));
        assertEquals(Emission.NIBP, es.get(14).kind());
        assertEquals(120.0, m14.get(Vital.NIBP_SYS));
        assertEquals(72.0, m14.get(Vital.NIBP_DIA));
        assertEquals(89.0, m14.get(Vital.NIBP_MEAN));
        assertEquals(55.6, m14.get(Vital.HR));
        assertEquals(96.0, m14.get(Vital.SPO2));
        DeviceScript realTime = script(r, "masimo", ReplayOptions.defaults().withStartMinute(10).withLength(Duration.ofMinutes(10)));
        assertEquals(600, realTime.emissions().size());
    }
}
