package org.vigil.alarm.audio;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.vigil.alarm.Priority;

/**
 * Decides, chunk by chunk, which samples the alarm audio stream carries next, given the priority
 * that should sound now. No threads, no I/O, no clock: time is the number of samples handed out.
 *
 * <ul>
 * <li>Nothing playing and a priority requested: its burst starts at once.</li>
 * <li>A higher priority than the one playing: the current cycle is abandoned and the new burst
 *     starts at once; the chunk is marked {@link Chunk#interrupt()} so that audio already queued
 *     at the output is discarded.</li>
 * <li>The same or a lower priority: the current cycle (burst and the silence after it) plays to its
 *     end; the next cycle is the requested priority's.</li>
 * <li>Nothing requested: playback stops at once in the silence between bursts; in a burst it stops
 *     at the end of the pulse that is sounding, but a first burst plays at least
 *     {@link AlarmSoundPattern#minimumPulses()} pulses (IEC 60601-1-8 short alarms: a whole
 *     burst for medium, half for high).</li>
 * </ul>
 * A pattern that takes over from another, or starts from silence, begins a new "first burst".
 */
final class PlaybackSequencer {

    /** {@code length} samples of {@code samples} from {@code offset}; read only. */
    record Chunk(short[] samples, int offset, int length, boolean interrupt) {
    }

    private final int chunkSamples;
    private final Map<Priority, RenderedBurst> bursts = new EnumMap<>(Priority.class);
    private final short[] silence;

    private RenderedBurst current;
    private int position;
    private boolean firstBurst;

    PlaybackSequencer(ToneSynthesizer synthesizer, int chunkSamples) {
        if (chunkSamples <= 0) {
            throw new IllegalArgumentException("chunk must hold at least one sample");
        }
        this.chunkSamples = chunkSamples;
        this.silence = new short[chunkSamples];
        for (Priority p : Priority.values()) {
            bursts.put(p, synthesizer.render(AlarmSoundPattern.forPriority(p)));
        }
    }

    /** The next chunk to write while {@code requested} (null for none) should sound; empty when idle. */
    Optional<Chunk> next(Priority requested) {
        boolean interrupt = false;
        if (current == null) {
            if (requested == null) {
                return Optional.empty();
            }
            start(requested, true);
        } else if (requested != null && requested.compareTo(current.pattern().priority()) > 0) {
            start(requested, true);
            interrupt = true;
        } else if (position >= current.cycleSamples()) {
            if (requested == null) {
                current = null;
                return Optional.empty();
            }
            start(requested, requested != current.pattern().priority());
        }
        int limit = current.cycleSamples();
        if (requested == null) {
            limit = current.stopPosition(position, firstBurst);
            if (position >= limit) {
                current = null;
                return Optional.empty();
            }
        }
        int n = Math.min(chunkSamples, limit - position);
        Chunk chunk;
        if (position < current.length()) {
            n = Math.min(n, current.length() - position);
            chunk = new Chunk(current.samples(), position, n, interrupt);
        } else {
            chunk = new Chunk(silence, 0, n, interrupt);
        }
        position += n;
        return Optional.of(chunk);
    }

    /** The priority whose cycle is in progress, if any. */
    Optional<Priority> sounding() {
        return current == null ? Optional.empty() : Optional.of(current.pattern().priority());
    }

    /** Forgets the cycle in progress (the output was lost); the next request starts afresh. */
    void reset() {
        current = null;
        position = 0;
    }

    private void start(Priority priority, boolean first) {
        current = bursts.get(priority);
        position = 0;
        firstBurst = first;
    }
}
