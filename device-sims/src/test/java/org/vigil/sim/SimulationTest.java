package org.vigil.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.FrameEncoder;
import org.vigil.sim.scenario.ScenarioParser;

class SimulationTest {

    private static Simulation sim(String yaml) throws Exception {
        return new Simulation(new ScenarioParser().parse("t.yaml", yaml), key -> new TextEncoder());
    }

    private static Emission at(List<Emission> es, Duration t) {
        return es.stream().filter(e -> e.at().equals(t) && e.isFrame()).findFirst().orElse(null);
    }

    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    @Test
    void reportsOncePerSecondFromZeroWithOnlyTheListedVitals() throws Exception {
        Simulation sim = sim("""
                duration: 10s
                devices: { ox: { protocol: masimo, reports: [spo2, pr] } }
                vitals: { hr: 72, pr: 71, spo2: 98, pi: 3.5 }
                """);
        List<Emission> es = sim.script("ox").emissions();
        assertEquals(10, es.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(s(i), es.get(i).at());
            assertEquals(Emission.REPORT, es.get(i).kind());
            assertEquals(Map.of(Vital.SPO2, 98.0, Vital.PR, 71.0), TextEncoder.values(es.get(i).bytes()));
        }
        assertEquals(LocalDateTime.of(2026, 1, 5, 9, 0, 3).toString(), TextEncoder.header(es.get(3).bytes())[0]);
    }

    @Test
    void eachReportCarriesTheVitalsAtItsInstant() throws Exception {
        Simulation sim = sim("""
                duration: 2m
                devices: { mon: { protocol: ivy, reports: [hr] } }
                vitals: { hr: 60 }
                events:
                  - { at: 30s, ramp: { hr: 90 }, over: 30s }
                  - { at: 70.5s, set: { hr: 50 } }
                """);
        List<Emission> es = sim.script("mon").emissions();
        assertEquals(60.0, TextEncoder.values(at(es, s(30)).bytes()).get(Vital.HR));
        assertEquals(61.0, TextEncoder.values(at(es, s(31)).bytes()).get(Vital.HR), 1e-9);
        assertEquals(75.0, TextEncoder.values(at(es, s(45)).bytes()).get(Vital.HR), 1e-9);
        assertEquals(90.0, TextEncoder.values(at(es, s(70)).bytes()).get(Vital.HR));
        assertEquals(50.0, TextEncoder.values(at(es, s(71)).bytes()).get(Vital.HR));
    }

    @Test
    void sensorOffWindowIsHalfOpen() throws Exception {
        Simulation sim = sim("""
                duration: 42m
                devices: { ox: { protocol: masimo, reports: [spo2, pr] } }
                vitals: { spo2: 97, pr: 70 }
                events:
                  - { at: 40m, sensor_off: ox, for: 30s }
                """);
        List<Emission> es = sim.script("ox").emissions();
        assertEquals(42 * 60, es.size());
        assertEquals(Emission.REPORT, at(es, s(2399)).kind());
        for (long t = 2400; t < 2430; t++) {
            Emission e = at(es, s(t));
            assertEquals(Emission.SENSOR_OFF, e.kind());
            assertEquals("OFF", TextEncoder.header(e.bytes())[1]);
            assertTrue(TextEncoder.values(e.bytes()).isEmpty());
        }
        Emission after = at(es, s(2430));
        assertEquals(Emission.REPORT, after.kind());
        assertEquals(97.0, TextEncoder.values(after.bytes()).get(Vital.SPO2));
    }

    @Test
    void silentDeviceSendsNothingDuringItsWindowOnly() throws Exception {
        Simulation sim = sim("""
                duration: 50m
                devices: { mon: { protocol: ivy, reports: [hr] } }
                vitals: { hr: 70 }
                events:
                  - { at: 45m, silent: mon, for: 20s }
                """);
        List<Emission> es = sim.script("mon").emissions();
        assertEquals(50 * 60 - 20, es.size());
        assertTrue(at(es, s(2699)) != null);
        for (long t = 2700; t < 2720; t++) {
            assertEquals(null, at(es, s(t)));
        }
        assertTrue(at(es, s(2720)) != null);
        assertTrue(sim.script("mon").outputAt(s(2719)).isEmpty());
        assertTrue(sim.script("mon").outputAt(s(2720)).isPresent());
    }

    @Test
    void nibpIsMeasuredAtZeroEveryIntervalAndOnRequestAndHeldBetween() throws Exception {
        Simulation sim = sim("""
                duration: 20m
                devices: { mon: { protocol: ivy, reports: [hr, nibp], nibp_interval: 5m } }
                vitals: { hr: 70, nibp: 120/80 }
                events:
                  - { at: 2m, ramp: { nibp: 150/95 }, over: 4m }
                  - { at: 7m30s, nibp_measure: mon }
                  - { at: 8m, set: { nibp: 110/70 } }
                """);
        List<Emission> es = sim.script("mon").emissions();
        List<Duration> nibp = es.stream().filter(e -> e.kind().equals(Emission.NIBP)).map(Emission::at).toList();
        assertEquals(List.of(s(0), s(300), s(450), s(600), s(900)), nibp);
        Map<Vital, Double> atStart = TextEncoder.values(at(es, s(0)).bytes());
        assertEquals(120.0, atStart.get(Vital.NIBP_SYS));
        assertEquals(80.0, atStart.get(Vital.NIBP_DIA));
        assertEquals(93.0, atStart.get(Vital.NIBP_MEAN));
        // Held at 120/80 although the patient's pressure already rises from 2m.
        assertEquals(120.0, TextEncoder.values(at(es, s(299)).bytes()).get(Vital.NIBP_SYS));
        // Measured at 5m: 3/4 of the way from 120 to 150.
        assertEquals(142.5, TextEncoder.values(at(es, s(300)).bytes()).get(Vital.NIBP_SYS), 1e-9);
        assertEquals(142.5, TextEncoder.values(at(es, s(449)).bytes()).get(Vital.NIBP_SYS), 1e-9);
        assertEquals(150.0, TextEncoder.values(at(es, s(450)).bytes()).get(Vital.NIBP_SYS));
        assertEquals(150.0, TextEncoder.values(at(es, s(599)).bytes()).get(Vital.NIBP_SYS));
        assertEquals(110.0, TextEncoder.values(at(es, s(600)).bytes()).get(Vital.NIBP_SYS));
    }

    @Test
    void cuffInflatesBeforeEachMeasurementButNotTheFirst() throws Exception {
        Simulation sim = sim("""
                duration: 12m
                devices:
                  mon: { protocol: ivy, reports: [nibp], cuff_inflation: 30s }
                  ox: { protocol: masimo, reports: [spo2], same_arm_as: mon }
                vitals: { spo2: 98, nibp: 120/80 }
                events:
                  - { at: 7m, nibp_measure: mon }
                """);
        List<Emission> es = sim.script("mon").emissions();
        List<Duration> cuff = es.stream().filter(e -> "CUFF".equals(TextEncoder.header(e.bytes())[2]))
                .map(Emission::at).toList();
        List<Duration> expected = new ArrayList<>();
        for (long t : new long[] {270, 390, 570}) {
            for (long i = t; i < t + 30; i++) {
                expected.add(s(i));
            }
        }
        assertEquals(expected, cuff);
        assertEquals(Emission.CUFF_INFLATING, at(es, s(270)).kind());
        assertEquals(Emission.NIBP, at(es, s(300)).kind());
        assertEquals(Emission.REPORT, at(es, s(0 + 1)).kind());
        assertTrue(sim.script("ox").emissions().stream().allMatch(e -> e.kind().equals(Emission.REPORT)));
    }

    @Test
    void byDefaultTheCuffInflatesTwentySecondsBeforeEachLaterMeasurementNeverOverAnEarlierOne() throws Exception {
        Simulation sim = sim("""
                duration: 11m
                devices:
                  mon: { protocol: ivy, reports: [hr, nibp] }
                  quiet: { protocol: ivy, reports: [nibp], cuff_inflation: 0s }
                vitals: { hr: 70, nibp: 120/80 }
                events:
                  - { at: 5m10s, nibp_measure: mon }
                """);
        List<Duration> cuff = sim.script("mon").emissions().stream()
                .filter(e -> "CUFF".equals(TextEncoder.header(e.bytes())[2])).map(Emission::at).toList();
        List<Duration> expected = new ArrayList<>();
        for (long t = 280; t < 300; t++) {
            expected.add(s(t));
        }
        for (long t = 301; t < 310; t++) {
            expected.add(s(t)); // the 5m result is reported once before the extra measurement's cuff goes up
        }
        for (long t = 580; t < 600; t++) {
            expected.add(s(t));
        }
        assertEquals(expected, cuff);
        assertTrue(sim.script("quiet").emissions().stream().noneMatch(e -> "CUFF".equals(TextEncoder.header(e.bytes())[2])));
    }

    @Test
    void cuffMeasurementDuringSensorOffFailsAndSilentDeviceShowsItAfterwards() throws Exception {
        Simulation sim = sim("""
                duration: 12m
                devices: { mon: { protocol: ivy, reports: [hr, nibp] } }
                vitals: { hr: 70, nibp: 120/80 }
                events:
                  - { at: 4m50s, sensor_off: mon, for: 20s }
                  - { at: 6m, set: { nibp: 140/90 } }
                  - { at: 9m50s, silent: mon, for: 20s }
                """);
        List<Emission> es = sim.script("mon").emissions();
        Emission afterOff = at(es, s(310));
        assertEquals(Emission.NIBP, afterOff.kind());
        assertFalse(TextEncoder.values(afterOff.bytes()).containsKey(Vital.NIBP_SYS));
        assertEquals(70.0, TextEncoder.values(afterOff.bytes()).get(Vital.HR));
        Emission afterSilence = at(es, s(610));
        assertEquals(Emission.NIBP, afterSilence.kind());
        assertEquals(140.0, TextEncoder.values(afterSilence.bytes()).get(Vital.NIBP_SYS));
    }

    @Test
    void garbageIsWrittenBetweenIntactFramesAndIsTheSameEveryRun() throws Exception {
        String yaml = """
                duration: 1m
                seed: 42
                devices: { ox: { protocol: masimo, reports: [spo2] } }
                vitals: { spo2: 98 }
                events:
                  - { at: 10s, garbage: ox, bytes: 40 }
                  - { at: 20.5s, garbage: ox, bytes: 7 }
                """;
        List<Emission> a = sim(yaml).script("ox").emissions();
        List<Emission> b = sim(yaml).script("ox").emissions();
        assertEquals(a, b);
        assertEquals(62, a.size());
        int g = a.indexOf(a.stream().filter(e -> !e.isFrame()).findFirst().orElseThrow());
        assertEquals(s(9), a.get(g - 1).at());
        assertEquals(s(10), a.get(g).at());
        assertEquals(40, a.get(g).bytes().length);
        assertEquals(s(10), a.get(g + 1).at());
        assertTrue(a.get(g + 1).isFrame());
        Emission second = a.stream().filter(e -> !e.isFrame()).skip(1).findFirst().orElseThrow();
        assertEquals(Duration.ofMillis(20_500), second.at());
        assertEquals(7, second.bytes().length);
        // Every frame is exactly what the encoder made, garbage or not.
        Simulation clean = sim(yaml.replace("seed: 42", "seed: 42\n# no garbage").replaceAll("  - \\{ at: [0-9.]+s, garbage.*\\n", ""));
        List<Emission> frames = a.stream().filter(Emission::isFrame).toList();
        assertEquals(clean.script("ox").emissions(), frames);
        List<Emission> otherSeed = sim(yaml.replace("seed: 42", "seed: 7")).script("ox").emissions();
        assertFalse(java.util.Arrays.equals(a.get(g).bytes(), otherSeed.get(g).bytes()));
    }

    /** Numbers its frames 0, 1, 2, ... like a device with a sequence counter. */
    private static final class CountingEncoder implements FrameEncoder {
        private int n;

        @Override
        public byte[] encode(DeviceOutput o) {
            return new byte[] {(byte) n++};
        }
    }

    @Test
    void everyPassAsksForAFreshEncoderSoPassesAreIdentical() throws Exception {
        AtomicInteger made = new AtomicInteger();
        Simulation sim = new Simulation(new ScenarioParser().parse("t.yaml", """
                duration: 5s
                devices: { ox: { protocol: masimo, reports: [spo2] } }
                """), key -> {
                    made.incrementAndGet();
                    return new CountingEncoder();
                });
        int before = made.get();
        List<Emission> one = sim.script("ox").emissions();
        List<Emission> two = sim.script("ox").emissions();
        assertEquals(one, two);
        assertEquals(before + 2, made.get());
        assertArrayEquals(new byte[] {4}, one.get(4).bytes());
    }

    @Test
    void nurseActionsAndBaselineAreExposedInTimeOrder() throws Exception {
        Simulation sim = sim("""
                duration: 60m
                devices: { ox: { protocol: masimo, reports: [spo2] } }
                baseline: { nibp: 124/78, hr: 72 }
                events:
                  - { at: 31m, nurse: pause_audio }
                  - { at: 12m, nurse: acknowledge }
                  - { at: 31m, nurse: acknowledge }
                """);
        assertEquals(List.of(new NurseAction(Duration.ofMinutes(12), NurseAction.ACKNOWLEDGE),
                new NurseAction(Duration.ofMinutes(31), NurseAction.PAUSE_AUDIO),
                new NurseAction(Duration.ofMinutes(31), NurseAction.ACKNOWLEDGE)), sim.nurseActions());
        assertEquals(Map.of(Vital.NIBP_SYS, 124.0, Vital.NIBP_DIA, 78.0, Vital.NIBP_MEAN, 93.0, Vital.HR, 72.0),
                sim.baseline().orElseThrow().values());
    }

    @Test
    void mergedEmissionsAreInTimeOrderThenDeviceOrder() throws Exception {
        Simulation sim = sim("""
                duration: 3s
                devices:
                  ox: { protocol: masimo, reports: [spo2] }
                  mon: { protocol: ivy, reports: [hr] }
                events:
                  - { at: 1s, garbage: mon, bytes: 3 }
                """);
        List<String> order = new ArrayList<>();
        for (Iterator<DeviceEmission> it = sim.mergedEmissions(); it.hasNext(); ) {
            DeviceEmission d = it.next();
            order.add(d.emission().at().toSeconds() + d.deviceId() + (d.emission().isFrame() ? "" : "*"));
        }
        assertEquals(List.of("0ox", "0mon", "1ox", "1mon*", "1mon", "2ox", "2mon"), order);
    }

    @Test
    void serialAndStartReachTheDeviceOutput() throws Exception {
        Simulation sim = sim("""
                duration: 3s
                start: 2026-11-22T09:00:00
                devices: { mon: { protocol: ivy, reports: [hr], serial: "0000056661" } }
                """);
        String[] h = TextEncoder.header(sim.script("mon").emissions().get(2).bytes());
        assertEquals("2026-11-22T09:00:02", h[0]);
        assertEquals("0000056661", h[3]);
    }
}
