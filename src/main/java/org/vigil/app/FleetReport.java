package org.vigil.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The figures of a {@link FleetBench} run, one {@code name value unit} line each (lines starting
 * with {@code #} say what follows): the fleet, the station's CPU, then frames and skipped bytes for
 * the whole fleet and per protocol. A frame is lost when its simulator wrote it and the station
 * did not decode it on that chair's link; a skipped byte is lost data unless the same count of bytes was
 * skipped by the reference decoder in what the simulator wrote ({@code skipped_bytes_unexplained}
 * is the difference).
 */
final class FleetReport {

    private FleetReport() {
    }

    static void print(PrintWriter out, FleetBench.Result r) {
        List<FleetBench.DeviceResult> all = r.devices();
        long tcp = all.stream().filter(FleetBench.DeviceResult::overTcp).count();
        long chairs = all.stream().map(FleetBench.DeviceResult::chairId).distinct().count();
        out.printf(Locale.ROOT, "# fleet: %d chairs, %d devices: %d on pseudo-terminals, %d HL7 monitors connected over TCP"
                + " to the station's MLLP listener; %d streaming pleth at their native rate%n", chairs, all.size(),
                all.size() - tcp, tcp, r.plethDevices());
        line(out, "fleet_devices", all.size(), "devices");
        line(out, "fleet_pty_devices", all.size() - tcp, "devices");
        line(out, "fleet_tcp_devices", tcp, "devices");
        line(out, "fleet_pleth_devices", r.plethDevices(), "devices");
        out.printf(Locale.ROOT, "fleet_seconds %.1f s%n", r.seconds());
        out.printf(Locale.ROOT, "fleet_station_cpu %.2f %%_of_one_core%n", r.stationPercentOfOneCore());
        out.printf(Locale.ROOT, "fleet_station_and_simulators_cpu %.2f %%_of_one_core%n", r.allPercentOfOneCore());
        counts(out, "fleet", all);
        line(out, "fleet_pty_dropped_bytes", sum(all, FleetBench.DeviceResult::ptyDroppedBytes), "bytes");
        line(out, "fleet_pulse_readings", sum(all, FleetBench.DeviceResult::pulseReadings), "readings");
        line(out, "fleet_pulse_readings_on_wrong_chair", sum(all, FleetBench.DeviceResult::foreignPulseReadings),
                "readings");
        out.println("# per protocol: frames the simulators sent and the station decoded, bytes its decoders skipped"
                + " before and after their first frame, and skipped bytes not skipped in what was sent");
        for (String p : r.protocols()) {
            List<FleetBench.DeviceResult> of = r.of(p);
            line(out, "fleet_" + p + "_devices", of.size(), "devices");
            counts(out, "fleet_" + p, of);
        }
        out.flush();
    }

    private static void counts(PrintWriter out, String prefix, List<FleetBench.DeviceResult> devices) {
        line(out, prefix + "_frames_sent", sum(devices, FleetBench.DeviceResult::framesSent), "frames");
        line(out, prefix + "_frames_decoded", sum(devices, FleetBench.DeviceResult::framesDecoded), "frames");
        line(out, prefix + "_frames_lost", sum(devices, FleetBench.DeviceResult::lostFrames), "frames");
        line(out, prefix + "_skipped_bytes_before_first_frame",
                sum(devices, FleetBench.DeviceResult::skippedBeforeFirstFrame), "bytes");
        line(out, prefix + "_skipped_bytes_after_first_frame",
                sum(devices, FleetBench.DeviceResult::skippedAfterFirstFrame), "bytes");
        line(out, prefix + "_skipped_bytes_unexplained", sum(devices, FleetBench.DeviceResult::unexplainedSkipped),
                "bytes");
    }

    private static long sum(List<FleetBench.DeviceResult> devices, ToLongFunction<FleetBench.DeviceResult> f) {
        return devices.stream().mapToLong(f).sum();
    }

    private static void line(PrintWriter out, String name, long value, String unit) {
        out.printf(Locale.ROOT, "%s %d %s%n", name, value, unit);
    }
}
