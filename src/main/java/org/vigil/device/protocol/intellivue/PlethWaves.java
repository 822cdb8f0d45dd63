package org.vigil.device.protocol.intellivue;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.intellivue.Messages.PollResult;
import org.vigil.device.protocol.intellivue.Messages.SaFixedValue;
import org.vigil.device.protocol.intellivue.Messages.SaObservation;
import org.vigil.device.protocol.intellivue.Messages.SaScale;
import org.vigil.device.protocol.intellivue.Messages.SaSpec;
import org.vigil.device.protocol.intellivue.Messages.SampleArrayObject;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.WaveSegment;

/**
 * Turns the pleth of real-time sample array poll results ({@code NOM_MOC_VMO_METRIC_SA_RT}) into
 * frames that carry it as a {@link WaveSegment}, the way Nonin and Contec frames do.
 *
 * <p>Which array: the {@code SaObsValue}s whose physio id is {@code NOM_PULS_OXIM_PLETH}
 * (0x4BB4), of one object handle: the one followed so far while a result holds it, else the first
 * pleth handle of the result (a second pleth object of the same monitor is never mixed in).
 *
 * <p>Samples: each is {@code sample_size} bits (8 or 16, big-endian) of the Sa-Specification; its
 * value is the low {@code significant_bits} bits (all of them with the flag SA_EXT_VAL_RANGE); a
 * sample with a bit of the Sa-Fixed-Val-Spec's SA_FIX_INVALID_MASK set is invalid; the other bits
 * (pacer, defibrillator and QRS markers) are dropped. Full scale: the Scale-and-Range-Specification's
 * scaled range {@code lower_scaled..upper_scaled} when it lies within the value bits, else
 * {@code 0..2^bits - 1}; the samples stay in the device's units. Rate: 8000 / the sample period's
 * ticks ({@code NOM_ATTR_TIME_PD_SAMP}). These static attributes are remembered per handle from the
 * results that carried them; an array that comes before any of them is read with the pleth's
 * documented defaults (16-bit samples, 12 significant bits, 8 ms period: 125 samples/s). A sample
 * size other than 8 or 16 bits, or a period outside 1 ms..1 s, makes the array a gap.
 *
 * <p>Time: the reply's time (its AbsoluteTime, else its RelativeTime on the MDS clock, see
 * {@link IntellivueDecoder}) stamps the end of its newest array; a result holding several arrays
 * of the handle has them back to back, the last one ending then. A segment's device time is the
 * time of its first sample. An array ending at or up to {@value #DUPLICATE_WINDOW_SECONDS} s
 * before the newest end already seen (RelativeTime) is a duplicate — two periodic polls overlap
 * while the station renews them — and is dropped; one further back is taken as a restarted clock.
 *
 * <p>Gaps: an array in state INVALID, UNAVAILABLE, CALIBRATION_ONGOING, DEMO_DATA or TEST_DATA
 * carries no wave (demo and test waves are never drawn or recorded as the patient's): its frame
 * has the attributes {@code wave=pleth}, {@code wave_state} and {@code wave_gap_samples} only.
 * Invalid samples cut an array: each run of valid samples is a frame of its own with its own
 * device time, so the recording shows the gap where it was. QUESTIONABLE → the frame's flag
 * {@link ReadingFlag#LOW_SIGNAL_QUALITY}.
 *
 * <p>State (the static attributes per handle, the followed handle, the newest end) follows from
 * complete frames only; {@link #reset()} forgets it (a new association may renumber handles).
 * Bounded: at most {@value #MAX_HANDLES} handles are remembered. Not thread-safe.
 */
final class PlethWaves {

    static final int MAX_HANDLES = 64;
    static final int DUPLICATE_WINDOW_SECONDS = 30;
    static final int DEFAULT_SAMPLE_SIZE = 16;
    static final int DEFAULT_SIGNIFICANT_BITS = 12;
    static final long DEFAULT_PERIOD_TICKS = 64;
    /** Sample periods a wave may have: 1 ms (1,000 samples/s) to 1 s; others are read as a gap. */
    static final long MIN_PERIOD_TICKS = 8;
    static final long MAX_PERIOD_TICKS = TICKS_PER_SECOND;

    private static final long TICKS_MOD = 1L << 32;
    private static final int NO_WAVE_STATES = MS_INVALID | MS_UNAVAILABLE | MS_CALIBRATION_ONGOING | MS_DEMO_DATA
            | MS_TEST_DATA;

    /** What the static attributes of one handle said last. */
    private static final class Statics {
        SaSpec spec;
        SaScale scale;
        long periodTicks;
        List<SaFixedValue> fixed = List.of();
    }

    /** One array of the followed handle, with the RelativeTime and device time of its result. */
    private record Array(SaObservation obs, long relTicks, LocalDateTime replyTime) {
    }

    private final ZoneId zone;
    private final Map<Integer, Statics> statics = new HashMap<>();
    private int followed = -1;
    private boolean haveEnd;
    private long newestEnd;

    PlethWaves(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Forgets the handles, their attributes and the newest end (a new association). */
    void reset() {
        statics.clear();
        followed = -1;
        haveEnd = false;
    }

    /**
     * Emits the pleth frames of one (possibly re-assembled) result.
     *
     * @param deviceTime the device time of a part's reply, or null when it is not known
     * @param base       attributes every frame gets (identity, {@code linked}); copied
     */
    void frames(List<PollResult> parts, Function<PollResult, LocalDateTime> deviceTime, Map<String, String> base,
            Consumer<DeviceFrame> out) {
        int chosen = -1;
        for (PollResult part : parts) {
            for (SampleArrayObject o : part.sampleArrays()) {
                remember(o);
                if (hasPleth(o) && (chosen == -1 || o.handle() == followed)) {
                    chosen = o.handle();
                }
            }
        }
        if (chosen == -1) {
            return;
        }
        List<Array> arrays = new ArrayList<>();
        for (PollResult part : parts) {
            for (SampleArrayObject o : part.sampleArrays()) {
                if (o.handle() != chosen) {
                    continue;
                }
                for (SaObservation obs : o.observations()) {
                    if (obs.physioId() == NOM_PULS_OXIM_PLETH) {
                        arrays.add(new Array(obs, part.relativeTime(), deviceTime.apply(part)));
                    }
                }
            }
        }
        if (chosen != followed) {
            followed = chosen;
            haveEnd = false;
        }
        Statics s = statics.getOrDefault(chosen, new Statics());
        Array last = arrays.get(arrays.size() - 1);
        if (haveEnd) {
            long ahead = Math.floorMod(last.relTicks() - newestEnd, TICKS_MOD);
            if (ahead == 0 || ahead > TICKS_MOD - DUPLICATE_WINDOW_SECONDS * (long) TICKS_PER_SECOND) {
                return;
            }
        }
        haveEnd = true;
        newestEnd = last.relTicks();
        Layout layout = new Layout(s);
        // back to back, the last array ending at its result's time
        Instant end = last.replyTime() == null ? null : last.replyTime().atZone(zone).toInstant();
        long samplesAfter = 0;
        long[] samplesAfterEach = new long[arrays.size()];
        for (int k = arrays.size() - 1; k >= 0; k--) {
            samplesAfterEach[k] = samplesAfter;
            samplesAfter += arrays.get(k).obs().length() / layout.bytes;
        }
        for (int k = 0; k < arrays.size(); k++) {
            Instant arrayEnd = end == null ? null : end.minusNanos(samplesAfterEach[k] * layout.periodNanos);
            emit(arrays.get(k).obs(), arrayEnd, layout, base, out);
        }
    }

    private static boolean hasPleth(SampleArrayObject o) {
        for (SaObservation obs : o.observations()) {
            if (obs.physioId() == NOM_PULS_OXIM_PLETH) {
                return true;
            }
        }
        return false;
    }

    private void remember(SampleArrayObject o) {
        if (o.spec() == null && o.scale() == null && o.samplePeriodTicks() == 0 && o.fixedValues() == null) {
            return;
        }
        if (!statics.containsKey(o.handle()) && statics.size() >= MAX_HANDLES) {
            statics.clear();
        }
        Statics s = statics.computeIfAbsent(o.handle(), h -> new Statics());
        if (o.spec() != null) {
            s.spec = o.spec();
        }
        if (o.scale() != null) {
            s.scale = o.scale();
        }
        if (o.samplePeriodTicks() > 0) {
            s.periodTicks = o.samplePeriodTicks();
        }
        if (o.fixedValues() != null) {
            s.fixed = o.fixedValues();
        }
    }

    /** How to read one handle's samples, from its static attributes or the pleth defaults. */
    private static final class Layout {
        final boolean readable;
        final int bytes;
        final int valueMask;
        final int invalidMask;
        final int low;
        final int high;
        final double rate;
        final long periodNanos;

        Layout(Statics s) {
            int size = s.spec == null ? DEFAULT_SAMPLE_SIZE : s.spec.sampleSize();
            long ticks = s.periodTicks > 0 ? s.periodTicks : DEFAULT_PERIOD_TICKS;
            readable = (size == 8 || size == 16) && ticks >= MIN_PERIOD_TICKS && ticks <= MAX_PERIOD_TICKS;
            bytes = size == 8 ? 1 : 2;
            int bits = s.spec == null ? DEFAULT_SIGNIFICANT_BITS
                    : (s.spec.flags() & SA_EXT_VAL_RANGE) != 0 ? bytes * 8 : s.spec.significantBits();
            bits = Math.max(1, Math.min(bytes * 8, bits));
            valueMask = (1 << bits) - 1;
            int invalid = 0;
            for (SaFixedValue f : s.fixed) {
                if (f.id() == SA_FIX_INVALID_MASK) {
                    invalid |= f.value();
                }
            }
            invalidMask = invalid & ((1 << (bytes * 8)) - 1);
            SaScale scale = s.scale;
            if (scale != null && scale.lowerScaled() < scale.upperScaled() && scale.upperScaled() <= valueMask) {
                low = scale.lowerScaled();
                high = scale.upperScaled();
            } else {
                low = 0;
                high = valueMask;
            }
            periodNanos = ticks * 125_000L;
            rate = (double) TICKS_PER_SECOND / ticks;
        }
    }

    /** The frames of one array ending at {@code end} (null: unknown). */
    private static void emit(SaObservation obs, Instant end, Layout layout, Map<String, String> base,
            Consumer<DeviceFrame> out) {
        int n = obs.length() / layout.bytes;
        if (n == 0) {
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>(base);
        attributes.put("wave", "pleth");
        if (obs.state() != 0) {
            attributes.put("wave_state", String.format("0x%04X", obs.state()));
        }
        if ((obs.state() & NO_WAVE_STATES) != 0 || !layout.readable) {
            attributes.put("wave_gap_samples", Integer.toString(n));
            out.accept(new DeviceFrame(List.of(), Set.of(), attributes));
            return;
        }
        Set<ReadingFlag> flags = (obs.state() & MS_QUESTIONABLE) != 0 ? EnumSet.of(ReadingFlag.LOW_SIGNAL_QUALITY)
                : Set.of();
        int i = 0;
        while (i < n) {
            while (i < n && invalid(obs, i, layout)) {
                i++;
            }
            int from = i;
            while (i < n && i - from < WaveSegment.MAX_SAMPLES && !invalid(obs, i, layout)) {
                i++;
            }
            if (i > from) {
                int[] samples = new int[i - from];
                for (int k = from; k < i; k++) {
                    samples[k - from] = obs.sample(k, layout.bytes) & layout.valueMask;
                }
                Instant first = end == null ? null : end.minusNanos((long) (n - from) * layout.periodNanos);
                Map<String, String> att = attributes;
                if (from > 0 || i < n) {
                    att = new LinkedHashMap<>(attributes);
                    att.put("wave_run", from + ".." + i + "/" + n);
                }
                out.accept(new DeviceFrame(List.of(), flags, att,
                        new WaveSegment(WaveSegment.PLETH, layout.rate, samples, layout.low, layout.high, first)));
            }
        }
    }

    private static boolean invalid(SaObservation obs, int i, Layout layout) {
        return layout.invalidMask != 0 && (obs.sample(i, layout.bytes) & layout.invalidMask) != 0;
    }
}
