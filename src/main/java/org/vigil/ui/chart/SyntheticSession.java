package org.vigil.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vigil.alarm.Priority;

/**
 * A generated session for benchmarks and previews, the same for a given seed: {@code hours} of
 * 1 Hz heart rate and SpO2 (slow drift, breathing-rate wobble, noise, short dropouts), a cuff
 * reading every 5 minutes, a 3-second desaturation to 81 % at 62 % of the session, a one-sample
 * heart-rate spike to 178 at 40 %, phases (baseline 20 min, infusion 40 min, recovery the rest),
 * a few events and alarm bands of each priority.
 */
public final class SyntheticSession {

    public static final String HR = "hr";
    public static final String SPO2 = "spo2";
    public static final String NIBP_LANE = "nibp";

    public final long start;
    public final long end;
    public final long infusionStart;
    public final TimeSeries hr;
    public final TimeSeries spo2;
    public final List<CuffReading> cuffs;
    public final List<PhaseBand> phases;
    public final List<EventMarker> events;
    public final List<AlarmBand> alarms;
    public final List<BaselineLine> baselines;
    public final long desatTime;
    public final long spikeTime;

    private SyntheticSession(long start, int seconds, long seed) {
        Random r = new Random(seed);
        this.start = start;
        this.end = start + (seconds - 1) * 1000L;
        long[] t = new long[seconds];
        double[] h = new double[seconds];
        double[] s = new double[seconds];
        double drift = 0;
        for (int i = 0; i < seconds; i++) {
            t[i] = start + i * 1000L;
            drift += r.nextGaussian() * 0.05;
            drift *= 0.999;
            h[i] = 74 + 8 * Math.sin(i / 1800.0) + 3 * Math.sin(i / 4.1) + drift * 5 + r.nextGaussian();
            s[i] = Math.min(100, 97 + Math.round(r.nextGaussian() * 0.6));
        }
        for (int gap = 0; gap < seconds / 3600; gap++) { // a 20-s probe-off each hour
            int at = 1800 + gap * 3600 + r.nextInt(600);
            for (int i = at; i < Math.min(seconds, at + 20); i++) {
                s[i] = Double.NaN;
            }
        }
        int desat = (int) (seconds * 0.62);
        s[desat] = 84;
        s[desat + 1] = 81;
        s[desat + 2] = 85;
        int spike = (int) (seconds * 0.40);
        h[spike] = 178;
        this.desatTime = t[desat + 1];
        this.spikeTime = t[spike];
        this.hr = TimeSeries.wrap(t, h);
        this.spo2 = TimeSeries.wrap(t.clone(), s);
        this.infusionStart = start + 20 * 60_000L;
        long infusionEnd = infusionStart + 40 * 60_000L;
        List<CuffReading> c = new ArrayList<>();
        for (long at = start + 60_000; at <= end; at += 5 * 60_000L) {
            boolean during = at >= infusionStart && at < infusionEnd + 20 * 60_000L;
            double sys = 124 + (during ? 18 : 0) + r.nextGaussian() * 6;
            double dia = 78 + (during ? 9 : 0) + r.nextGaussian() * 4;
            c.add(new CuffReading(at, Math.round(sys), Math.round(dia), Math.round((sys + 2 * dia) / 3)));
        }
        this.cuffs = List.copyOf(c);
        this.phases = List.of(new PhaseBand(start, infusionStart, "Baseline"),
                new PhaseBand(infusionStart, Math.min(end, infusionEnd), "Infusion"),
                new PhaseBand(Math.min(end, infusionEnd), end, "Recovery"));
        this.events = List.of(new EventMarker(start + 12 * 60_000L, "Baseline captured 126/79"),
                new EventMarker(infusionStart, "Infusion started 6.0 mL/h"),
                new EventMarker(infusionStart + 15 * 60_000L, "Nausea: ondansetron 4 mg"),
                new EventMarker(infusionEnd, "Infusion stopped"),
                new EventMarker(end - 10 * 60_000L, "Discharge ready"));
        this.alarms = List.of(
                new AlarmBand(desatTime - 1000, desatTime + 14_000, Priority.HIGH, "SpO2 desaturation", null),
                new AlarmBand(infusionStart + 25 * 60_000L, infusionStart + 31 * 60_000L, Priority.MEDIUM, "NIBP SYS high",
                        NIBP_LANE),
                new AlarmBand(start + 2 * 3600_000L + 1800_000L, start + 2 * 3600_000L + 1890_000L, Priority.LOW, "SpO2 probe off",
                        null));
        this.baselines = List.of(new BaselineLine(NIBP_LANE, 126, "baseline SYS 126"),
                new BaselineLine(NIBP_LANE, 79, "baseline DIA 79"));
    }

    /** {@code hours} of data from {@code start} (epoch ms), generated from {@code seed}. */
    public static SyntheticSession generate(long start, double hours, long seed) {
        return new SyntheticSession(start, (int) Math.round(hours * 3600), seed);
    }

    /** The lanes the review shows for it: heart rate, SpO2, NIBP. */
    public static List<Lane> lanes() {
        return List.of(Lane.of("heart", "Heart rate", "/min", 40, 140, Track.of(HR, "HR", "/min", "#33e06a")),
                Lane.of("ox", "SpO2", "%", 85, 100, Track.of(SPO2, "SpO2", "%", "#27d3f2")),
                new Lane(NIBP_LANE, "NIBP", "mmHg", 40, 180, 1, List.of()));
    }

    /** Puts the whole session in {@code state}. */
    public void fill(ChartState state) {
        state.setLanes(lanes());
        state.setData(java.util.Map.of(HR, hr, SPO2, spo2));
        state.setCuffReadings(NIBP_LANE, cuffs);
        state.setPhases(phases);
        state.setEvents(events);
        state.setAlarms(alarms);
        state.setBaselines(baselines);
        state.setInfusionStart(infusionStart);
    }
}
