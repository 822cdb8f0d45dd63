package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.transport.PtyPair;

/**
 * The fleet harness itself, not its timing: a small fleet with one device of every protocol (the
 * HL7 monitor on two chairs, so routing by bed matters) runs through a real station over ptys and
 * TCP until every device has had a few frames decoded; every frame sent was decoded, on its own
 * chair, and the report is {@code name value unit} lines.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FleetBenchTest {

    private static final Pattern FIGURE = Pattern.compile("[a-z0-9_-]+ -?\\d+(\\.\\d+)? \\S+");

    @TempDir
    Path dir;

    @Test
    void everyFrameSentIsDecodedOnItsOwnChairAndReportedAsNameValueUnitLines() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        List<List<FleetBench.Device>> fleet = List.of(
                List.of(dev("ox", "masimo"), dev("mon", "ivy"), dev("ox2", "nonin"), dev("net", "hl7")),
                List.of(dev("ox", "nellcor"), dev("mon", "ge-s5"), dev("ox2", "nonin-df7"), dev("net", "hl7")),
                List.of(dev("mon", "intellivue"), dev("ox", "contec"), dev("ox2", "nonin-df8")));
        Set<String> every = new TreeSet<>(ProtocolRegistry.standard().keys());
        assertEquals(every, fleet.stream().flatMap(List::stream).map(FleetBench.Device::protocol)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)), "one device of every protocol");

        FleetBench.Result r = FleetBench.run(fleet, dir, Duration.ZERO, Duration.ZERO, 3);

        assertEquals(11, r.devices().size());
        for (FleetBench.DeviceResult d : r.devices()) {
            String who = d.chairId() + "/" + d.deviceId() + " (" + d.protocol() + ")";
            assertTrue(d.framesSent() >= 3, who + " sent " + d.framesSent());
            assertEquals(d.framesSent(), d.framesDecoded(), who + ": frames sent = frames decoded on its chair");
            assertEquals(0, d.skippedAfterFirstFrame() - d.sentSkippedAfterFirstFrame(), who + ": skipped after sync");
            assertEquals(0, d.unexplainedSkipped(), who + ": skipped bytes not in what was sent");
            assertEquals(0, d.ptyDroppedBytes(), who);
            assertTrue(d.pulseReadings() > 0, who + ": pulse readings on the chair " + r.devices());
            assertEquals(0, d.foreignPulseReadings(), who + ": a pulse reading of another chair's patient");
        }
        FleetBench.DeviceResult nellcor = r.of("nellcor").get(0);
        // the header block's version line is a frame of its own (the monitor's identity); its other
        // lines (patient mode, column titles) are skipped, the same on both sides
        assertEquals(nellcor.sentSkippedBeforeFirstFrame(), nellcor.skippedBeforeFirstFrame());
        assertEquals(nellcor.sentSkippedAfterFirstFrame(), nellcor.skippedAfterFirstFrame());
        assertTrue(nellcor.skippedBeforeFirstFrame() + nellcor.skippedAfterFirstFrame() > 0,
                "the N-595's header lines are skipped");

        StringWriter text = new StringWriter();
        FleetReport.print(new PrintWriter(text), r);
        List<String> lines = text.toString().lines().filter(l -> !l.startsWith("#")).toList();
        for (String l : lines) {
            assertTrue(FIGURE.matcher(l).matches(), "not 'name value unit': " + l);
        }
        List<String> names = lines.stream().map(l -> l.substring(0, l.indexOf(' '))).toList();
        assertTrue(lines.contains("fleet_devices 11 devices"), text.toString());
        assertTrue(lines.contains("fleet_tcp_devices 2 devices"), text.toString());
        assertTrue(lines.contains("fleet_frames_lost 0 frames"), text.toString());
        assertTrue(lines.contains("fleet_pulse_readings_on_wrong_chair 0 readings"), text.toString());
        assertTrue(names.containsAll(List.of("fleet_station_cpu", "fleet_station_and_simulators_cpu", "fleet_seconds",
                "fleet_skipped_bytes_before_first_frame", "fleet_skipped_bytes_after_first_frame")), text.toString());
        for (String p : every) {
            for (String figure : List.of("devices", "frames_sent", "frames_decoded", "frames_lost",
                    "skipped_bytes_before_first_frame", "skipped_bytes_after_first_frame", "skipped_bytes_unexplained")) {
                assertTrue(names.contains("fleet_" + p + "_" + figure), "fleet_" + p + "_" + figure);
            }
        }
    }

    private static FleetBench.Device dev(String id, String protocol) {
        return new FleetBench.Device(id, protocol);
    }
}
