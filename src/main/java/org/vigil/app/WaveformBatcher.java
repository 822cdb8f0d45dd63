package org.vigil.app;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.vigil.domain.WaveChunk;
import org.vigil.domain.WaveSegment;
import org.vigil.storage.WaveformChunk;

/**
 * Gathers a device's pleth frames (25 samples from a Nonin, one from a Contec) into rows of about
 * {@link #CHUNK} for the {@code waveform_chunk} table. A row starts at the receive time of its
 * first frame less that frame's duration, and its samples follow at the device's rate; a frame
 * arriving more than {@link #GAP} later than the samples so far explain (the sensor was off, the
 * link was down) or at another rate closes the row first, so time never drifts across a gap. When
 * the device stamps its samples with its own clock ({@link WaveSegment#deviceTime()}, IntelliVue),
 * a segment that does not start where the row's samples end on that clock (more than
 * {@link #DEVICE_GAP_SAMPLES} sample periods and {@link #DEVICE_GAP} off: samples the device marked
 * invalid, a dropped array) closes the row too, however on time it arrives. A device scale wider
 * than 16 bit signed (Nonin DF7, 0-65535) is halved to fit the table's samples. Confined to the
 * recording chair's core thread.
 */
final class WaveformBatcher {

    static final Duration CHUNK = Duration.ofSeconds(1);
    static final Duration GAP = Duration.ofMillis(1500);
    static final int DEVICE_GAP_SAMPLES = 2;
    static final Duration DEVICE_GAP = Duration.ofMillis(20);

    private final Consumer<WaveformChunk> out;
    private final Map<String, Pending> pending = new HashMap<>();

    WaveformBatcher(Consumer<WaveformChunk> out) {
        this.out = out;
    }

    void add(WaveChunk chunk) {
        WaveSegment s = chunk.segment();
        String wave = s.metric().equals(WaveSegment.PLETH) ? "pleth" : s.metric().code().toLowerCase(java.util.Locale.ROOT);
        String key = chunk.deviceId() + "\u0000" + wave;
        Pending p = pending.get(key);
        Instant first = chunk.time().minusNanos(Math.round(s.seconds() * 1e9));
        if (p != null && (p.rate != s.sampleRate() || p.shift != shift(s)
                || Duration.between(p.expectedEnd(), chunk.time()).abs().compareTo(GAP) > 0
                || deviceGap(p, s))) {
            flush(key, p);
            p = null;
        }
        if (p == null) {
            p = new Pending(chunk.deviceId(), wave, first, s.sampleRate(), shift(s), s.deviceTime());
            pending.put(key, p);
        }
        for (int i = 0; i < s.size(); i++) {
            p.add((short) (s.sample(i) >> p.shift));
        }
        if (p.count >= Math.round(CHUNK.toNanos() / 1e9 * p.rate)) {
            flush(key, p);
        }
    }

    /** Writes every row begun (at the end of a session's record). */
    void flushAll() {
        for (Map.Entry<String, Pending> e : Map.copyOf(pending).entrySet()) {
            flush(e.getKey(), e.getValue());
        }
    }

    private void flush(String key, Pending p) {
        pending.remove(key);
        if (p.count > 0) {
            out.accept(new WaveformChunk(p.deviceId, p.wave, p.start, p.rate, java.util.Arrays.copyOf(p.samples, p.count)));
        }
    }

    /** True when both carry the device's time and {@code s} does not start where the row ends on it. */
    private static boolean deviceGap(Pending p, WaveSegment s) {
        if (p.deviceStart == null || s.deviceTime() == null) {
            return false;
        }
        Instant expected = p.deviceStart.plusNanos(Math.round(p.count * 1e9 / p.rate));
        long off = Math.abs(Duration.between(expected, s.deviceTime()).toNanos());
        return off > Math.max(DEVICE_GAP_SAMPLES * 1e9 / p.rate, DEVICE_GAP.toNanos());
    }

    private static int shift(WaveSegment s) {
        return s.high() > Short.MAX_VALUE || s.low() < Short.MIN_VALUE ? 1 : 0;
    }

    private static final class Pending {
        final String deviceId;
        final String wave;
        final Instant start;
        final double rate;
        final int shift;
        /** The device's time of the row's first sample, or null when the device gives none. */
        final Instant deviceStart;
        short[] samples = new short[128];
        int count;

        Pending(String deviceId, String wave, Instant start, double rate, int shift, Instant deviceStart) {
            this.deviceId = deviceId;
            this.wave = wave;
            this.start = start;
            this.rate = rate;
            this.shift = shift;
            this.deviceStart = deviceStart;
        }

        void add(short v) {
            if (count == samples.length) {
                samples = java.util.Arrays.copyOf(samples, Math.min(WaveformChunk.MAX_SAMPLES, count * 2));
            }
            samples[count++] = v;
        }

        Instant expectedEnd() {
            return start.plusNanos(Math.round(count * 1e9 / rate));
        }
    }
}
