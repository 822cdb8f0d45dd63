package org.vigil.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One value of one metric as a decoder read it from one frame, before it is stamped with the
 * receive time and device. {@code value} is {@link Double#NaN} when the device sent no value
 * (dashes, empty field).
 *
 * @param vital      the alarmable vital it is, or null for a metric the station records but does
 *                   not alarm on ({@link #isAlarmable()})
 * @param value      the value in {@code unit}, NaN when absent
 * @param flags      conditions the device reported with it
 * @param metric     what it is as a code ({@link MetricCode#of(Vital)} by default)
 * @param unit       the unit as the device gave it ({@link Unit#symbol()} of the vital by default;
 *                   empty when unknown)
 * @param deviceTime the device's own time of the value (e.g. when the cuff measured), or null when
 *                   the protocol carries none
 */
public record Measurement(Vital vital, double value, Set<ReadingFlag> flags, MetricCode metric, String unit,
        Instant deviceTime) {

    public Measurement {
        if (vital == null && metric == null) {
            throw new NullPointerException("a measurement needs a vital or a metric code");
        }
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
        metric = metric == null ? MetricCode.of(vital) : metric;
        unit = unit != null ? unit : vital != null ? vital.unit().symbol() : "";
    }

    /** A value of {@code vital} in its unit, without device time. */
    public Measurement(Vital vital, double value, Set<ReadingFlag> flags) {
        this(Objects.requireNonNull(vital, "vital"), value, flags, null, null, null);
    }

    public static Measurement of(Vital vital, double value) {
        return new Measurement(vital, value, Set.of());
    }

    /** A measurement the device reported as absent; flagged {@link ReadingFlag#INVALID}. */
    public static Measurement absent(Vital vital, Set<ReadingFlag> flags) {
        EnumSet<ReadingFlag> f = EnumSet.of(ReadingFlag.INVALID);
        f.addAll(flags);
        return new Measurement(vital, Double.NaN, f);
    }

    /** A metric the station records but does not alarm on (no {@link Vital}); NaN for an absent value. */
    public static Measurement unalarmed(MetricCode metric, double value, String unit, Set<ReadingFlag> flags) {
        return new Measurement(null, value, flags, Objects.requireNonNull(metric, "metric"), unit, null);
    }

    /** The same measurement with the device's own time of the value. */
    public Measurement withDeviceTime(Instant time) {
        return new Measurement(vital, value, flags, metric, unit, time);
    }

    /** The same measurement coded as {@code code} (e.g. the device's more specific MDC code). */
    public Measurement withMetric(MetricCode code) {
        return new Measurement(vital, value, flags, code, unit, deviceTime);
    }

    public boolean hasValue() {
        return !Double.isNaN(value);
    }

    /** True when it is a {@link Vital} the alarm engine watches. */
    public boolean isAlarmable() {
        return vital != null;
    }
}
