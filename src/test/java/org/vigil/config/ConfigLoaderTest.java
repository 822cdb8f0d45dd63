package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.Priority;
import org.vigil.alarm.TechnicalAlarmType;
import org.vigil.device.protocol.ivy.IvyDriver;
import org.vigil.device.protocol.masimo.MasimoDriver;
import org.vigil.device.protocol.FlowControl;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.domain.Vital;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void fullFileIsReadWithEveryKey() throws Exception {
        ConfigFiles files = new ConfigFiles(dir);
        files.write("scenarios/desat.yaml", "name: desat\n");
        StationConfig c = files.load("""
                station:
                  data_dir: data
                  database: /srv/vigil/clinic.db
                chairs:
                  - id: chair-1
                    label: Front chair
                    devices:
                      - id: ox
                        label: Rad-8
                        protocol: masimo
                        port: /dev/ttyUSB0
                        serial: { baud: 19200, data_bits: 7, parity: e, stop_bits: 2, flow_control: rts_cts }
                        silence_timeout: 5s
                        vitals: [spo2, pr]
                        same_arm_as: mon
                      - id: mon
                        protocol: ivy
                        port: tcp://127.0.0.1:5000
                        vitals: [hr, nibp, rr]
                        nibp_interval: 3m
                  - id: chair-2
                    devices:
                      - id: ox
                        protocol: masimo
                        port: simulated:scenarios/desat.yaml
                      - id: mon
                        protocol: ivy
                        port: COM3
                """);
        assertEquals(dir.resolve("data"), c.dataDir());
        assertEquals(Path.of("/srv/vigil/clinic.db"), c.database());
        assertEquals(dir.resolve("station.yaml"), c.source());
        assertFalse(c.builtIn());
        assertEquals(2, c.chairs().size());

        ChairConfig one = c.chairs().get(0);
        assertEquals("Front chair", one.label());
        DeviceConfig ox = one.device("ox").orElseThrow();
        assertEquals(new DeviceConfig("ox", "Rad-8", new MasimoDriver(), new SerialPortEndpoint("/dev/ttyUSB0"),
                new SerialSettings(19200, 7, 'E', 2, FlowControl.RTS_CTS), Duration.ofSeconds(5), null, "mon",
                EnumSet.of(Vital.SPO2, Vital.PR)), ox);
        DeviceConfig mon = one.device("mon").orElseThrow();
        assertEquals("Bedside monitor", mon.label());
        assertEquals(new TcpEndpoint("127.0.0.1", 5000), mon.endpoint());
        assertEquals(new IvyDriver().defaultSerial(), mon.serial());
        assertEquals(Duration.ofSeconds(10), mon.silenceTimeout());
        assertEquals(Duration.ofMinutes(3), mon.nibpInterval());
        assertEquals(List.of(Vital.HR, Vital.RR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN),
                List.copyOf(mon.vitals()));

        ChairConfig two = c.chairs().get(1);
        assertEquals("chair-2", two.label());
        DeviceConfig ox2 = two.device("ox").orElseThrow();
        assertEquals(new SimulatedEndpoint(dir.resolve("scenarios/desat.yaml").toString()), ox2.endpoint());
        assertEquals("SpO2 device", ox2.label());
        assertEquals(EnumSet.of(Vital.SPO2, Vital.PR, Vital.PI), ox2.vitals());
        assertNull(ox2.nibpInterval());
        DeviceConfig mon2 = two.device("mon").orElseThrow();
        assertEquals(new SerialPortEndpoint("COM3"), mon2.endpoint());
        assertEquals(EnumSet.of(Vital.HR, Vital.SPO2, Vital.PR, Vital.RR, Vital.NIBP_SYS, Vital.NIBP_DIA,
                Vital.NIBP_MEAN), mon2.vitals());
        assertEquals(Duration.ofMinutes(5), mon2.nibpInterval());
        assertFalse(two.simulated());

        assertEquals(AlarmConfig.defaults(), c.alarms());
        assertEquals(ClinicBounds.defaults(), c.bounds());
    }

    @Test
    void databaseDefaultsToTheDataFolderAndHomeIsExpanded() throws Exception {
        ConfigFiles files = new ConfigFiles(dir);
        StationConfig c = files.load("""
                station: { data_dir: ~/clinic }
                chairs: [ { id: c1, devices: [ { id: ox, protocol: masimo, port: simulated } ] } ]
                """);
        assertEquals(dir.resolve("home/clinic"), c.dataDir());
        assertEquals(dir.resolve("home/clinic/vigil.db"), c.database());
    }

    @Test
    void withoutAStationSectionDataGoesToTheUserDataFolder() throws Exception {
        ConfigFiles files = new ConfigFiles(dir);
        StationConfig c = files.load("""
                chairs:
                  - id: c1
                    devices:
                      - { id: ox, protocol: masimo, port: simulated }
                """);
        assertEquals(dir.resolve("home/.local/share/vigil"), c.dataDir());
        assertEquals(dir.resolve("home/.local/share/vigil/vigil.db"), c.database());
        assertTrue(c.chairs().get(0).simulated());
    }

    @Test
    void defaultsAreOneSimulatedChairWithOximeterAndMonitor() {
        ConfigLoader loader = new ConfigLoader(new UserEnvironment(dir, dir.resolve("home"), "Linux",
                Map.of("XDG_DATA_HOME", "/xdg/data")));
        StationConfig c = loader.defaults();
        assertTrue(c.builtIn());
        assertNull(c.source());
        assertEquals(Path.of("/xdg/data/vigil"), c.dataDir());
        assertEquals(Path.of("/xdg/data/vigil/vigil.db"), c.database());
        assertEquals(AlarmConfig.defaults(), c.alarms());
        assertEquals(ClinicBounds.defaults(), c.bounds());
        assertEquals(1, c.chairs().size());
        ChairConfig chair = c.chairs().get(0);
        assertEquals("chair-1", chair.id());
        assertEquals("Chair 1", chair.label());
        assertTrue(chair.simulated());
        assertEquals(new DeviceConfig("ox", "SpO2 device", new MasimoDriver(), new SimulatedEndpoint(null),
                new SerialSettings(9600, 8, 'N', 1), Duration.ofSeconds(10), null, null,
                EnumSet.of(Vital.SPO2, Vital.PR, Vital.PI)), chair.devices().get(0));
        assertEquals(new DeviceConfig("mon", "Bedside monitor", new IvyDriver(), new SimulatedEndpoint(null),
                new SerialSettings(9600, 8, 'N', 1), Duration.ofSeconds(10), Duration.ofMinutes(5), null,
                EnumSet.of(Vital.HR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN, Vital.RR)),
                chair.devices().get(1));
    }

    @Test
    void exampleFileLoads() throws Exception {
        Path example = Path.of("config", "station.example.yaml");
        assertTrue(Files.exists(example), "config/station.example.yaml is part of the project");
        ConfigLoader loader = new ConfigLoader(new UserEnvironment(dir, dir.resolve("home"), "Linux", Map.of()));
        StationConfig c = loader.load(example);
        assertEquals(dir.resolve("home/vigil-data"), c.dataDir());
        assertEquals(List.of("chair-1", "chair-2"), c.chairs().stream().map(ChairConfig::id).toList());
        ChairConfig one = c.chairs().get(0);
        assertEquals(new SerialPortEndpoint("/dev/ttyUSB0"), one.device("ox").orElseThrow().endpoint());
        assertEquals(new IvyDriver(), one.device("mon").orElseThrow().protocol());
        assertEquals(new SerialPortEndpoint("/dev/ttyUSB1"), one.device("mon").orElseThrow().endpoint());
        assertEquals("mon", one.device("ox").orElseThrow().sameArmAs());
        assertTrue(c.chairs().get(1).simulated());
        assertEquals(92, c.alarms().rule("spo2.low").orElseThrow().threshold());
        assertEquals(170, c.alarms().rule("nibp_sys.high").orElseThrow().threshold());
        assertTrue(c.alarms().latchingTechnical().contains(TechnicalAlarmType.SENSOR_OFF));
        assertEquals(Priority.MEDIUM, c.alarms().technicalPriorities().get(TechnicalAlarmType.NO_DATA));
        assertEquals(new ClinicBounds.Range(88, 95), c.bounds().range("spo2.low").orElseThrow());
    }

    @Test
    void theProjectShipsNoStationFileSoTheBuiltInStationRuns() {
        assertFalse(Files.exists(Path.of("config", "station.yaml")));
    }

    @Test
    void commandLineOverridesReplaceDataFolderAndDatabase() {
        StationConfig c = new ConfigLoader(new UserEnvironment(dir, dir.resolve("home"), "Linux", Map.of()))
                .defaults();
        StationConfig moved = c.withDataDir(Path.of("/tmp/elsewhere"));
        assertEquals(Path.of("/tmp/elsewhere"), moved.dataDir());
        assertEquals(Path.of("/tmp/elsewhere/vigil.db"), moved.database());
        StationConfig db = moved.withDatabase(Path.of("/x/y.db"));
        assertEquals(Path.of("/x/y.db"), db.database());
        assertEquals(Path.of("/x/y.db"), db.withDataDir(Path.of("/z")).database());
        assertEquals(c.chairs(), db.chairs());
    }
}
