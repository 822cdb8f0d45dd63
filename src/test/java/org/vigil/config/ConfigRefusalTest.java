package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.device.ProtocolRegistry;

/** Every file the loader must refuse, with the exact line it prints. */
class ConfigRefusalTest {

    @TempDir
    Path dir;

    private ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    /** A valid chair list; line 1 is "chairs:", the devices start on lines 4 and 7. */
    private static final String CHAIRS = """
            chairs:
              - id: chair-1
                devices:
                  - id: ox
                    protocol: masimo
                    port: /dev/ttyUSB0
                  - id: mon
                    protocol: ivy
                    port: /dev/ttyUSB1
            """;

    @Test
    void unknownProtocolNamesFileLineKeyAndChoices() throws Exception {
        assertEquals("station.yaml:8: chairs[0].devices[1].protocol: unknown protocol 'masimoo'"
                + " (expected one of " + ProtocolRegistry.standard().keyList() + ")", files.errors(CHAIRS.replace("protocol: ivy", "protocol: masimoo")));
    }

    @Test
    void unknownKeysAreRefusedAtEveryLevel() throws Exception {
        String yaml = """
                colour: blue
                station:
                  datadir: /x
                chairs:
                  - id: chair-1
                    seat: 3
                    devices:
                      - id: ox
                        protocol: masimo
                        port: /dev/ttyUSB0
                        serial: { baudrate: 9600 }
                        speed: 2
                alarms:
                  audio_pause: 2m
                  sound: loud
                  limits:
                    spo2.low: { treshold: 92 }
                  technical:
                    no_data: { latch: true }
                  bounds:
                    spo2.low: { min: 85, max: 95, step: 1 }
                """;
        assertEquals(String.join("\n",
                "station.yaml:1: colour: unknown key (expected one of station, chairs, alarms, session, interface_engine)",
                "station.yaml:3: station.datadir: unknown key (expected one of data_dir, database, admin_pin, auto_lock)",
                "station.yaml:6: chairs[0].seat: unknown key (expected one of id, label, devices)",
                "station.yaml:11: chairs[0].devices[0].serial.baudrate: unknown key"
                        + " (expected one of baud, data_bits, parity, stop_bits, flow_control)",
                "station.yaml:12: chairs[0].devices[0].speed: unknown key (expected one of id, label, protocol, port,"
                        + " listen, bed, serial, silence_timeout, vitals, nibp_interval, same_arm_as, raw_capture)",
                "station.yaml:15: alarms.sound: unknown key (expected one of audio_pause, escalate_medium_after,"
                        + " nibp_grace, pulse_rate_only_without_hr, limits, technical, bounds)",
                "station.yaml:17: alarms.limits.spo2.low.treshold: unknown key"
                        + " (expected one of threshold, priority, delay, latching, enabled)",
                "station.yaml:19: alarms.technical.no_data.latch: unknown key (expected one of priority, latching)",
                "station.yaml:21: alarms.bounds.spo2.low.step: unknown key (expected one of min, max)"),
                files.errors(yaml));
    }

    @Test
    void unknownAlarmIdsAreRefused() throws Exception {
        String message = files.errors(CHAIRS + """
                alarms:
                  limits:
                    spo2.lo: { threshold: 92 }
                  technical:
                    no_signal: { priority: low }
                  bounds:
                    hr.lowest: { min: 1, max: 2 }
                """);
        String[] lines = message.split("\n");
        assertEquals(3, lines.length, message);
        assertEquals("station.yaml:12: alarms.limits.spo2.lo: unknown alarm id 'spo2.lo' (expected one of hr.low,"
                + " hr.very_low, hr.high, hr.very_high, pr.low, pr.very_low, pr.high, pr.very_high, spo2.low,"
                + " spo2.desat, nibp_sys.low, nibp_sys.high, nibp_sys.very_high, nibp_dia.low, nibp_dia.high,"
                + " nibp_dia.very_high, nibp_mean.low, nibp_mean.high, nibp_sys.rise, nibp_dia.rise, rr.low,"
                + " rr.very_low, rr.high, rr.very_high)", lines[0]);
        assertEquals("station.yaml:14: alarms.technical.no_signal: unknown technical alarm (expected one of no_data,"
                + " disconnected, sensor_off, pulse_search, low_perfusion, low_signal_iq, invalid_data,"
                + " nibp_overdue, audio_unavailable, recording_failed)", lines[1]);
        assertTrue(lines[2].startsWith("station.yaml:16: alarms.bounds.hr.lowest: unknown alarm id 'hr.lowest'"),
                lines[2]);
    }

    @Test
    void badDurationsAreRefused() throws Exception {
        String yaml = CHAIRS.replace("port: /dev/ttyUSB0", "port: /dev/ttyUSB0\n        silence_timeout: 10")
                + """
                alarms:
                  audio_pause: 0s
                  escalate_medium_after: soon
                  nibp_grace: 2 minutes
                  limits:
                    spo2.low: { delay: -5s }
                """;
        assertEquals(String.join("\n",
                "station.yaml:7: chairs[0].devices[0].silence_timeout: bad duration '10' (expected e.g. 90s, 5m,"
                        + " 1h2m30s)",
                "station.yaml:12: alarms.audio_pause: must be longer than 0s",
                "station.yaml:13: alarms.escalate_medium_after: bad duration 'soon' (expected e.g. 90s, 5m, 1h2m30s)",
                "station.yaml:14: alarms.nibp_grace: bad duration '2 minutes' (expected e.g. 90s, 5m, 1h2m30s)",
                "station.yaml:16: alarms.limits.spo2.low.delay: bad duration '-5s' (expected e.g. 90s, 5m,"
                        + " 1h2m30s)"),
                files.errors(yaml));
    }

    @Test
    void thresholdsOutsidePhysiologicalRangesAreRefused() throws Exception {
        String yaml = CHAIRS + """
                alarms:
                  limits:
                    spo2.low: { threshold: 101 }
                    hr.high: { threshold: 301 }
                    pr.low: { threshold: -1 }
                    rr.high: { threshold: 120 }
                    nibp_sys.very_high: { threshold: 320 }
                    nibp_dia.rise: { threshold: 150 }
                    nibp_mean.low: { threshold: lots }
                """;
        assertEquals(String.join("\n",
                "station.yaml:12: alarms.limits.spo2.low.threshold: threshold 101 is outside the plausible"
                        + " range 1..100 for spo2 (%)",
                "station.yaml:13: alarms.limits.hr.high.threshold: threshold 301 can never be reached (hr is never"
                        + " above 300 /min): it would switch hr.high off without saying so; to switch it off write enabled: false",
                "station.yaml:14: alarms.limits.pr.low.threshold: threshold -1 can never be reached (pr is never"
                        + " below 18 /min): it would switch pr.low off without saying so; to switch it off write enabled: false",
                "station.yaml:15: alarms.limits.rr.high.threshold: threshold 120 is outside the clinic bounds"
                        + " 20..35 (alarms.bounds.rr.high)",
                "station.yaml:16: alarms.limits.nibp_sys.very_high.threshold: threshold 320 can never be reached"
                        + " (nibp_sys is never above 300 mmHg): it would switch nibp_sys.very_high off without saying so; to switch it off write enabled: false",
                "station.yaml:17: alarms.limits.nibp_dia.rise.threshold: threshold 150 is outside the"
                        + " safe range 5..100 for a rise of nibp_dia (mmHg)",
                "station.yaml:18: alarms.limits.nibp_mean.low.threshold: bad number 'lots'"),
                files.errors(yaml));
    }

    @Test
    void thresholdsOutsideTheClinicBoundsAreRefused() throws Exception {
        String yaml = CHAIRS + """
                alarms:
                  limits:
                    spo2.low: { threshold: 97 }
                    hr.low: { threshold: 25 }
                    nibp_sys.high: { threshold: 150 }
                  bounds:
                    nibp_sys.high: { min: 155, max: 190 }
                    rr.low: { min: 11, max: 12 }
                    hr.high: { min: 90, max: 80 }
                    spo2.desat: { min: 70, max: 101 }
                """;
        assertEquals(String.join("\n",
                "station.yaml:12: alarms.limits.spo2.low.threshold: threshold 97 is outside the clinic bounds"
                        + " 85..95 (alarms.bounds.spo2.low)",
                "station.yaml:13: alarms.limits.hr.low.threshold: threshold 25 is outside the clinic bounds"
                        + " 30..60 (alarms.bounds.hr.low)",
                "station.yaml:14: alarms.limits.nibp_sys.high.threshold: threshold 150 is outside the clinic"
                        + " bounds 155..190 (alarms.bounds.nibp_sys.high)",
                "station.yaml:17: alarms.bounds.rr.low: the default threshold 10 is outside 11..12"
                        + " (set alarms.limits.rr.low.threshold inside it)",
                "station.yaml:18: alarms.bounds.hr.high.min: min 90 is above max 80",
                "station.yaml:19: alarms.bounds.spo2.desat.max: max 101 is outside the plausible range 1..100"
                        + " for spo2 (%)"),
                files.errors(yaml));
    }

    @Test
    void thresholdsThatPutAHigherPriorityTierFirstAreRefused() throws Exception {
        String yaml = CHAIRS + """
                alarms:
                  limits:
                    spo2.low: { threshold: 86 }
                    spo2.desat: { threshold: 88 }
                """;
        assertEquals(String.join("\n",
                "station.yaml:12: alarms.limits.spo2.low.threshold: threshold 86 would be below the high-priority limit"
                        + " spo2.desat (88): tiers must stay in order",
                "station.yaml:13: alarms.limits.spo2.desat.threshold: threshold 88 would be above the medium-priority"
                        + " limit spo2.low (86): tiers must stay in order"),
                files.errors(yaml));
    }

    @Test
    void tiersThatLeaveTheMediumAlarmNoWholeNumberToFireAloneAreRefused() throws Exception {
        String yaml = CHAIRS + """
                alarms:
                  limits:
                    rr.very_high: { threshold: 25 }
                    hr.high: { threshold: 129 }
                    nibp_sys.high: { threshold: 170 }
                """;
        assertEquals(String.join("\n",
                "station.yaml:12: alarms.limits.rr.very_high.threshold: rr.high > 24 can never fire alone: 25 is"
                        + " already high-priority (rr.very_high \u2265 25)",
                "station.yaml:13: alarms.limits.hr.high.threshold: hr.high > 129 can never fire alone: 130 is already"
                        + " high-priority (hr.very_high \u2265 130)"),
                files.errors(yaml));
    }

    @Test
    void duplicateChairAndDeviceIdsAreRefused() throws Exception {
        String yaml = """
                chairs:
                  - id: chair-1
                    devices:
                      - { id: ox, protocol: masimo, port: simulated }
                      - { id: ox, protocol: ivy, port: simulated }
                  - id: chair-1
                    devices:
                      - { id: ox, protocol: masimo, port: simulated }
                """;
        assertEquals(String.join("\n",
                "station.yaml:5: chairs[0].devices[1].id: device id 'ox' is already used by chairs[0].devices[0]",
                "station.yaml:6: chairs[1].id: chair id 'chair-1' is already used by chairs[0]"),
                files.errors(yaml));
    }

    @Test
    void theSameSerialPortCannotServeTwoDevices() throws Exception {
        String yaml = """
                chairs:
                  - id: chair-1
                    devices:
                      - { id: ox, protocol: masimo, port: /dev/ttyUSB0 }
                      - { id: mon, protocol: ivy, port: COM3 }
                  - id: chair-2
                    devices:
                      - { id: ox, protocol: masimo, port: /dev/ttyUSB0 }
                      - { id: mon, protocol: ivy, port: com3 }
                      - { id: net, protocol: ivy, port: "tcp://10.0.0.5:4001" }
                      - { id: net2, protocol: ivy, port: "tcp://10.0.0.5:4001" }
                """;
        assertEquals(String.join("\n",
                "station.yaml:8: chairs[1].devices[0].port: port /dev/ttyUSB0 is already used by chairs[0].devices[0]",
                "station.yaml:9: chairs[1].devices[1].port: port com3 is already used by chairs[0].devices[1]",
                "station.yaml:11: chairs[1].devices[3].port: port tcp://10.0.0.5:4001 is already used by"
                        + " chairs[1].devices[2]"),
                files.errors(yaml));
    }

    @Test
    void sameArmAsMustNameAnNibpDeviceOfTheChair() throws Exception {
        String yaml = """
                chairs:
                  - id: chair-1
                    devices:
                      - { id: ox, protocol: masimo, port: simulated, same_arm_as: cuff }
                      - { id: ox2, protocol: masimo, port: simulated, same_arm_as: ox }
                      - { id: mon, protocol: ivy, port: simulated, vitals: [hr, nibp], same_arm_as: mon }
                      - { id: ox3, protocol: masimo, port: simulated, same_arm_as: "bad id" }
                """;
        assertEquals(String.join("\n",
                "station.yaml:4: chairs[0].devices[0].same_arm_as: unknown device 'cuff' (devices on this chair:"
                        + " mon, ox, ox2, ox3)",
                "station.yaml:5: chairs[0].devices[1].same_arm_as: device 'ox' reports no nibp (same_arm_as names"
                        + " the device whose cuff is on this arm)",
                "station.yaml:6: chairs[0].devices[2].same_arm_as: a device cannot be on the same arm as itself",
                "station.yaml:7: chairs[0].devices[3].same_arm_as: bad id 'bad id' (letters, digits, '-' and '_'"
                        + " only)"),
                files.errors(yaml));
    }

    @Test
    void badSerialSettingsAreRefusedOneByOne() throws Exception {
        String yaml = CHAIRS.replace("port: /dev/ttyUSB0", """
                port: /dev/ttyUSB0
                        serial:
                          baud: 0
                          data_bits: 9
                          parity: X
                          stop_bits: 3
                          flow_control: xon""")
                .replace("port: /dev/ttyUSB1", "port: /dev/ttyUSB1\n        serial: 9600");
        assertEquals(String.join("\n",
                "station.yaml:8: chairs[0].devices[0].serial.baud: must be a positive number of bits per second,"
                        + " got 0",
                "station.yaml:9: chairs[0].devices[0].serial.data_bits: must be 5, 6, 7 or 8, got 9",
                "station.yaml:10: chairs[0].devices[0].serial.parity: bad parity 'X' (expected N, E or O)",
                "station.yaml:11: chairs[0].devices[0].serial.stop_bits: must be 1 or 2, got 3",
                "station.yaml:12: chairs[0].devices[0].serial.flow_control: bad flow control 'xon' (expected none or"
                        + " rts_cts)",
                "station.yaml:16: chairs[0].devices[1].serial: expected a map with keys baud, data_bits, parity,"
                        + " stop_bits, flow_control, got '9600'"),
                files.errors(yaml));
    }

    @Test
    void emptyChairListIsRefused() throws Exception {
        assertEquals("station.yaml:2: chairs: no chairs (at least one is required)",
                files.errors("station: { data_dir: /x }\nchairs: []\n"));
        assertEquals("station.yaml:1: chairs: missing (required)", files.errors("station: { data_dir: /x }\n"));
        assertEquals("station.yaml:3: chairs[0].devices: no devices (at least one is required)",
                files.errors("chairs:\n  - id: c1\n    devices: []\n"));
    }

    @Test
    void missingProtocolAndPortAreRefused() throws Exception {
        String yaml = """
                chairs:
                  - id: chair-1
                    devices:
                      - id: ox
                        label: SpO2
                      - id: mon
                        protocol: ""
                        port:
                """;
        assertEquals(String.join("\n",
                "station.yaml:4: chairs[0].devices[0].protocol: missing (required)",
                "station.yaml:4: chairs[0].devices[0].port: missing (required)",
                "station.yaml:7: chairs[0].devices[1].protocol: empty value",
                "station.yaml:8: chairs[0].devices[1].port: empty value"),
                files.errors(yaml));
    }

    @Test
    void aDeviceThatIsNotAMapIsReportedOnce() throws Exception {
        assertEquals("station.yaml:3: chairs[0].devices[0]: expected a map with keys id, label, protocol, port,"
                + " listen, bed, serial, silence_timeout, vitals, nibp_interval, same_arm_as, raw_capture, got 'ox'",
                files.errors("chairs:\n  - id: c1\n    devices: [ ox ]\n"));
    }

    @Test
    void badPortsIdsAndVitalsAreRefused() throws Exception {
        String yaml = """
                chairs:
                  - id: chair 1
                    devices:
                      - { id: ox, protocol: masimo, port: ttyUSB0, vitals: [spo2, hr] }
                      - { id: mon, protocol: ivy, port: "tcp://host", vitals: [hr, temp, hr], nibp_interval: 5m }
                      - { id: sim, protocol: ivy, port: "simulated:missing.yaml", vitals: [] }
                      - { id: ox2, protocol: masimo, port: simulated, nibp_interval: 5m }
                """;
        String sim = dir.resolve("missing.yaml").toString();
        assertEquals(String.join("\n",
                "station.yaml:2: chairs[0].id: bad id 'chair 1' (letters, digits, '-' and '_' only)",
                "station.yaml:4: chairs[0].devices[0].port: bad port 'ttyUSB0' (expected a serial device like"
                        + " /dev/ttyUSB0 or COM3, tcp://HOST:PORT, simulated or simulated:SCENARIO.yaml)",
                "station.yaml:4: chairs[0].devices[0].vitals[1]: protocol masimo does not report hr (it reports"
                        + " pr, spo2, pi)",
                "station.yaml:5: chairs[0].devices[1].port: bad TCP address 'tcp://host' (expected tcp://HOST:PORT,"
                        + " e.g. tcp://127.0.0.1:5000)",
                "station.yaml:5: chairs[0].devices[1].vitals[1]: unknown vital 'temp' (expected one of hr, pr,"
                        + " spo2, pi, rr, nibp_sys, nibp_dia, nibp_mean, nibp)",
                "station.yaml:5: chairs[0].devices[1].vitals[2]: hr is listed twice",
                "station.yaml:6: chairs[0].devices[2].port: scenario file not found: " + sim,
                "station.yaml:6: chairs[0].devices[2].vitals: empty list (leave the key out for the protocol's"
                        + " default)",
                "station.yaml:7: chairs[0].devices[3].nibp_interval: the device reports no nibp, so it has no"
                        + " nibp interval"),
                files.errors(yaml));
    }

    @Test
    void badValuesInAlarmsAreRefused() throws Exception {
        String yaml = CHAIRS + """
                alarms:
                  pulse_rate_only_without_hr: maybe
                  limits:
                    spo2.low: { priority: urgent, latching: yes, enabled: 1 }
                  technical:
                    no_data: { priority: critical }
                  bounds:
                    spo2.low: { min: 86 }
                """;
        assertEquals(String.join("\n",
                "station.yaml:11: alarms.pulse_rate_only_without_hr: expected true or false, got 'maybe'",
                "station.yaml:13: alarms.limits.spo2.low.priority: unknown priority 'urgent' (expected low, medium"
                        + " or high)",
                "station.yaml:13: alarms.limits.spo2.low.latching: expected true or false, got 'yes'",
                "station.yaml:13: alarms.limits.spo2.low.enabled: expected true or false, got '1'",
                "station.yaml:15: alarms.technical.no_data.priority: unknown priority 'critical' (expected low,"
                        + " medium or high)",
                "station.yaml:17: alarms.bounds.spo2.low.max: missing (required)"),
                files.errors(yaml));
    }

    @Test
    void duplicateKeysAndBrokenYamlAreRefused() throws Exception {
        assertEquals("station.yaml:3: station.data_dir: key given twice (first on line 2)",
                files.errors("station:\n  data_dir: /a\n  data_dir: /b\n" + CHAIRS));
        String broken = files.errors("chairs:\n  - id: c1\n   devices: [\n");
        assertTrue(broken.startsWith("station.yaml:3: not valid YAML: "), broken);
        assertEquals("station.yaml:1: the file is empty", files.errors("# nothing here\n"));
        assertEquals("station.yaml:1: expected a map with keys station, chairs, alarms, session, interface_engine, got a list",
                files.errors("- chair-1\n"));
    }

    @Test
    void missingExplicitFileIsReported() {
        Path nowhere = dir.resolve("nowhere.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> files.loader().load(nowhere));
        assertEquals("nowhere.yaml: file not found (" + nowhere + ")", e.getMessage());
        assertEquals(nowhere, e.file());
    }

    @Test
    void allProblemsOfAFileAreReportedTogetherInLineOrder() throws Exception {
        String yaml = """
                chairs:
                  - id: chair-1
                    devices:
                      - { id: ox, protocol: masimoo, port: /dev/ttyUSB0 }
                      - { id: mon, protocol: ivy, port: /dev/ttyUSB0 }
                alarms:
                  audio_pause: forever
                """;
        String files1 = files.errors(yaml);
        assertEquals(String.join("\n",
                "station.yaml:4: chairs[0].devices[0].protocol: unknown protocol 'masimoo' (expected one of "
                        + ProtocolRegistry.standard().keyList() + ")",
                "station.yaml:5: chairs[0].devices[1].port: port /dev/ttyUSB0 is already used by"
                        + " chairs[0].devices[0]",
                "station.yaml:7: alarms.audio_pause: bad duration 'forever' (expected e.g. 90s, 5m, 1h2m30s)"),
                files1);
    }
}
