package org.vigil.export;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

/**
 * One pass over a session's readings for the report: per vital the lowest and highest valid value
 * in each of {@code columns} time columns (so a short desaturation in a 32-hour session still
 * reaches the chart), and one row per cuff measurement with the latest other vitals.
 */
final class TrendPass {

    /** One cuff measurement and the latest valid other values at that time (NaN when none). */
    record CuffRow(Instant time, String device, double sys, double dia, double mean, double hr, double pr, double spo2,
            double rr, String flags) {
    }

    final Instant from;
    final Instant to;
    final int columns;
    final Map<Vital, double[]> min = new EnumMap<>(Vital.class);
    final Map<Vital, double[]> max = new EnumMap<>(Vital.class);
    final List<CuffRow> cuffs = new ArrayList<>();
    long readings;

    private final Map<Vital, Double> latest = new EnumMap<>(Vital.class);
    private Instant cuffTime;
    private String cuffDevice;
    private final Map<Vital, Reading> cuff = new EnumMap<>(Vital.class);

    private TrendPass(Instant from, Instant to, int columns) {
        this.from = from;
        this.to = to.isAfter(from) ? to : from.plusSeconds(60);
        this.columns = columns;
        for (Vital v : Vital.values()) {
            double[] lo = new double[columns];
            double[] hi = new double[columns];
            Arrays.fill(lo, Double.NaN);
            Arrays.fill(hi, Double.NaN);
            min.put(v, lo);
            max.put(v, hi);
        }
    }

    static TrendPass run(SessionLog log, int columns, ExportProgress progress) throws IOException {
        Instant end = log.end();
        if (end == null) {
            Instant[] last = {log.start()};
            log.readings().forEach(r -> last[0] = r.time().isAfter(last[0]) ? r.time() : last[0]);
            end = last[0];
        }
        TrendPass t = new TrendPass(log.start(), end, columns);
        long span = Math.max(1, t.to.toEpochMilli() - t.from.toEpochMilli());
        log.readings().forEach(r -> {
            t.accept(r);
            if (t.readings % 5_000 == 0) {
                progress.checkpoint(0.6 * (r.time().toEpochMilli() - t.from.toEpochMilli()) / (double) span);
            }
        });
        t.closeCuff();
        return t;
    }

    int column(Instant time) {
        long span = to.toEpochMilli() - from.toEpochMilli();
        long c = (time.toEpochMilli() - from.toEpochMilli()) * columns / Math.max(1, span);
        return (int) Math.max(0, Math.min(columns - 1, c));
    }

    private void accept(Reading r) {
        readings++;
        Vital v = r.vital();
        if (v.isNibp()) {
            if (cuffTime != null && (!cuffTime.equals(r.time()) || !r.deviceId().equals(cuffDevice) || cuff.containsKey(v))) {
                closeCuff();
            }
            cuffTime = r.time();
            cuffDevice = r.deviceId();
            cuff.put(v, r);
        }
        if (!r.isValid()) {
            return;
        }
        if (!v.isNibp()) {
            latest.put(v, r.value());
        }
        int c = column(r.time());
        double[] lo = min.get(v);
        double[] hi = max.get(v);
        if (Double.isNaN(lo[c]) || r.value() < lo[c]) {
            lo[c] = r.value();
        }
        if (Double.isNaN(hi[c]) || r.value() > hi[c]) {
            hi[c] = r.value();
        }
    }

    private void closeCuff() {
        if (cuffTime == null) {
            return;
        }
        StringBuilder flags = new StringBuilder();
        for (Reading r : cuff.values()) {
            if (!r.flags().isEmpty() && flags.indexOf(r.flagsText()) < 0) {
                flags.append(flags.length() == 0 ? "" : " ").append(r.flagsText());
            }
        }
        cuffs.add(new CuffRow(cuffTime, cuffDevice, value(Vital.NIBP_SYS), value(Vital.NIBP_DIA), value(Vital.NIBP_MEAN),
                latest.getOrDefault(Vital.HR, Double.NaN), latest.getOrDefault(Vital.PR, Double.NaN),
                latest.getOrDefault(Vital.SPO2, Double.NaN), latest.getOrDefault(Vital.RR, Double.NaN),
                flags.toString().replace('|', ' ')));
        cuff.clear();
        cuffTime = null;
    }

    private double value(Vital v) {
        Reading r = cuff.get(v);
        return r == null ? Double.NaN : r.value();
    }
}
