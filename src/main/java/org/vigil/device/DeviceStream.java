package org.vigil.device;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.DeviceIdentityChange;
import org.vigil.domain.Measurement;
import org.vigil.domain.Plausibility;
import org.vigil.domain.Reading;
import org.vigil.domain.WaveChunk;

/**
 * Turns one device's byte stream into readings: bytes are appended to a bounded buffer, the
 * protocol decoder takes every complete frame out of it, each frame's measurements are stamped
 * with the receive time from the injected clock and the device id, values no patient can have
 * are flagged ({@link Plausibility}), and NIBP repeats are reduced
 * to one reading per cuff measurement ({@link NibpTracker}). When a frame states the device's
 * identity ({@link DeviceFrame#identity()}) and it differs from the last one stated, the change
 * goes to the identity sink before the frame's readings. Used by a live
 * {@link DeviceConnection} and, with a simulated clock, by the fast scenario runner and the
 * benchmarks. Thread-confined: one thread feeds it at a time.
 */
public final class DeviceStream {

    private static final Logger log = LoggerFactory.getLogger(DeviceStream.class);

    private final String deviceId;
    private final FrameDecoder decoder;
    private final InstantSource clock;
    private final BiConsumer<String, List<Reading>> sink;
    private final ByteBuffer buffer;
    private final BiConsumer<String, List<Measurement>> unalarmedSink;
    private final java.util.function.Consumer<DeviceFrame> frameTap;
    private final java.util.function.Consumer<WaveChunk> waveSink;
    private final java.util.function.Consumer<DeviceIdentityChange> identitySink;
    /** The identity the device stated last; null until it states one. */
    private DeviceIdentity identity;
    private final NibpTracker nibp = new NibpTracker();
    private long frames;
    /** The decoder's skipped bytes when the first frame came (-1 before it). */
    private long skippedBeforeFirstFrame = -1;
    private long unalarmed;
    private long waves;

    /**
     * @param sink receives (device id, readings of one frame) on the feeding thread
     */
    public DeviceStream(String deviceId, FrameDecoder decoder, InstantSource clock, BiConsumer<String, List<Reading>> sink) {
        this(deviceId, decoder, clock, sink, (id, metrics) -> { });
    }

    /**
     * @param sink          receives (device id, readings of one frame) on the feeding thread
     * @param unalarmedSink receives (device id, measurements of one frame that are no alarmable
     *                      vital, with the device's codes, units and times) on the feeding thread
     */
    public DeviceStream(String deviceId, FrameDecoder decoder, InstantSource clock, BiConsumer<String, List<Reading>> sink,
            BiConsumer<String, List<Measurement>> unalarmedSink) {
        this(deviceId, decoder, clock, sink, unalarmedSink, frame -> { });
    }

    /**
     * @param frameTap sees every decoded frame first, control frames included (a protocol
     *                 session's {@code onFrame}), on the feeding thread
     */
    public DeviceStream(String deviceId, FrameDecoder decoder, InstantSource clock, BiConsumer<String, List<Reading>> sink,
            BiConsumer<String, List<Measurement>> unalarmedSink, java.util.function.Consumer<DeviceFrame> frameTap) {
        this(deviceId, decoder, clock, sink, unalarmedSink, frameTap, chunk -> { });
    }

    /**
     * @param waveSink receives each frame's waveform samples stamped with its receive time and the
     *                 device id, on the feeding thread (before the frame's readings)
     */
    public DeviceStream(String deviceId, FrameDecoder decoder, InstantSource clock, BiConsumer<String, List<Reading>> sink,
            BiConsumer<String, List<Measurement>> unalarmedSink, java.util.function.Consumer<DeviceFrame> frameTap,
            java.util.function.Consumer<WaveChunk> waveSink) {
        this(deviceId, decoder, clock, sink, unalarmedSink, frameTap, waveSink, change -> { });
    }

    /**
     * Everything {@code listener} receives from one device: readings, unalarmed measurements,
     * waveforms and identity changes, on the feeding thread.
     *
     * @param frameTap sees every decoded frame first, control frames included
     */
    public DeviceStream(String deviceId, FrameDecoder decoder, InstantSource clock, DeviceListener listener,
            java.util.function.Consumer<DeviceFrame> frameTap) {
        this(deviceId, decoder, clock, listener::onReadings, listener::onUnalarmedMeasurements, frameTap, listener::onWave,
                listener::onIdentity);
    }

    private DeviceStream(String deviceId, FrameDecoder decoder, InstantSource clock, BiConsumer<String, List<Reading>> sink,
            BiConsumer<String, List<Measurement>> unalarmedSink, java.util.function.Consumer<DeviceFrame> frameTap,
            java.util.function.Consumer<WaveChunk> waveSink, java.util.function.Consumer<DeviceIdentityChange> identitySink) {
        this.identitySink = Objects.requireNonNull(identitySink);
        this.waveSink = Objects.requireNonNull(waveSink);
        this.frameTap = Objects.requireNonNull(frameTap);
        this.unalarmedSink = Objects.requireNonNull(unalarmedSink);
        this.deviceId = Objects.requireNonNull(deviceId);
        this.decoder = Objects.requireNonNull(decoder);
        this.clock = Objects.requireNonNull(clock);
        this.sink = Objects.requireNonNull(sink);
        this.buffer = ByteBuffer.allocate(Math.max(8192, decoder.maxFrameLength() * 2));
    }

    public String deviceId() {
        return deviceId;
    }

    /** Decodes {@code data[0..len)} appended to what is left of earlier calls. */
    public void receive(byte[] data, int len) {
        int off = 0;
        while (off < len) {
            int n = Math.min(len - off, buffer.remaining());
            if (n == 0) {
                // A decoder bounds its frames, so this only happens if it keeps more than its
                // maximum; drop the backlog rather than stall the link.
                log.warn("device {}: receive buffer full, {} bytes dropped", deviceId, buffer.position());
                buffer.clear();
                continue;
            }
            buffer.put(data, off, n);
            off += n;
            buffer.flip();
            decoder.decode(buffer, this::onFrame);
            buffer.compact();
        }
    }

    /** Forgets a partial frame (after a reconnect the rest of it will never come). */
    public void reset() {
        buffer.clear();
    }

    private void onFrame(DeviceFrame frame) {
        if (frames == 0) {
            skippedBeforeFirstFrame = decoder.discardedBytes();
        }
        frames++;
        frameTap.accept(frame);
        Instant now = clock.instant();
        DeviceIdentity stated = frame.identity().orElse(null);
        if (stated != null && !stated.equals(identity)) {
            identity = stated;
            identitySink.accept(new DeviceIdentityChange(deviceId, now, stated));
        }
        if (frame.wave() != null) {
            waves++;
            waveSink.accept(new WaveChunk(now, deviceId, frame.wave()));
        }
        List<Reading> readings = new ArrayList<>(frame.measurements().size());
        List<Measurement> others = null;
        for (Measurement m : frame.measurements()) {
            if (m.isAlarmable()) {
                readings.add(Reading.of(now, deviceId, m));
            } else {
                others = others == null ? new ArrayList<>() : others;
                others.add(m);
            }
        }
        if (others != null) {
            unalarmed += others.size();
            unalarmedSink.accept(deviceId, List.copyOf(others));
        }
        sink.accept(deviceId, nibp.filter(Plausibility.mark(readings)));
    }

    /** The identity the device stated last, if it stated one. */
    public java.util.Optional<DeviceIdentity> identity() {
        return java.util.Optional.ofNullable(identity);
    }

    /** Complete frames decoded so far. */
    public long frames() {
        return frames;
    }

    /** Measurements of metrics that are no alarmable vital, handed to the unalarmed sink so far. */
    public long unalarmedMeasurements() {
        return unalarmed;
    }

    /** Frames that carried waveform samples so far. */
    public long waveFrames() {
        return waves;
    }

    /** Bytes the decoder skipped as garbage so far. */
    public long discardedBytes() {
        return decoder.discardedBytes();
    }

    /**
     * Of {@link #discardedBytes()}, those skipped before the first frame was decoded: a link
     * opened in the middle of a frame, or noise before the device started talking. All of them
     * while no frame has come yet. The rest were skipped after the decoder had found the frames,
     * which a clean link never does.
     */
    public long discardedBeforeFirstFrame() {
        return frames == 0 ? decoder.discardedBytes() : skippedBeforeFirstFrame;
    }
}
