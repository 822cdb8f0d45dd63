package org.vigil.sim.replay;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vigil.device.transport.RawCapture;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.DeviceScript;
import org.vigil.sim.Emission;

/**
 * A raw capture ({@link RawCapture}) as a device script: every burst the station once received is
 * written again, byte for byte, at its original offset from the start of the capture (played
 * faster with {@code SpedUpScript}). What the bytes mean is the decoder's business, so garbage,
 * cut frames and a device's quirks come back exactly as they were. A request/response device's
 * answers are replayed as captured, not in reply to what the station sends now.
 */
public final class RawReplay implements DeviceScript {

    private final String deviceId;
    private final String protocol;
    private final List<Emission> emissions;
    private final Duration duration;

    /** Replays {@code capture} as device {@code deviceId} speaking {@code protocol}. */
    public RawReplay(RawCapture.Capture capture, String deviceId, String protocol) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.emissions = capture.bursts().stream().map(b -> new Emission(b.offset(), b.bytes(), Emission.REPORT)).toList();
        Duration last = emissions.isEmpty() ? Duration.ZERO : emissions.get(emissions.size() - 1).at();
        this.duration = last.plusMillis(1);
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public Duration duration() {
        return duration;
    }

    /** A capture holds bytes, not values. */
    @Override
    public Optional<DeviceOutput> outputAt(Duration t) {
        return Optional.empty();
    }

    @Override
    public Iterator<Emission> iterator() {
        return emissions.iterator();
    }
}
