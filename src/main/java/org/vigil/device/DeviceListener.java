package org.vigil.device;

import java.util.List;
import org.vigil.domain.DeviceIdentityChange;
import org.vigil.domain.Measurement;
import org.vigil.domain.Reading;
import org.vigil.domain.WaveChunk;

/**
 * Receives what a {@link DeviceConnection} produces. Called on the connection's reader thread;
 * implementations must hand work off quickly and never block.
 */
public interface DeviceListener {

    /** Readings decoded from one frame, all stamped with the frame's receive time. */
    void onReadings(String deviceId, List<Reading> readings);

    /**
     * Measurements of one frame that are no alarmable vital (with the device's codes, units and
     * times). Default: not kept; a listener that records them overrides this.
     */
    default void onUnalarmedMeasurements(String deviceId, List<Measurement> measurements) {
    }

    /**
     * Waveform samples of one frame (a pleth), stamped with the frame's receive time. Default:
     * not kept; must return at once (it is called at the device's frame rate, up to 60 a second).
     */
    default void onWave(WaveChunk chunk) {
    }

    /**
     * The device stated an identity different from the one it stated last on this connection (the
     * first one included), stamped with the frame's receive time; called before that frame's
     * readings. Default: ignored; must return at once.
     */
    default void onIdentity(DeviceIdentityChange change) {
    }

    /** The link's state changed (connecting, negotiating, connected). Default: ignored. */
    default void onLinkState(String deviceId, LinkState state) {
    }

    /** The port is open and bytes may flow (no frame seen yet). */
    void onConnected(String deviceId, String endpoint);

    /**
     * The port could not be opened or went away; the connection retries by itself. {@code reason}
     * is for the screen: the cause in plain words with what to check
     * ({@code "/dev/ttyUSB0 not found: check the adapter's cable..."}); driver texts go to the log only.
     */
    void onDisconnected(String deviceId, String reason);
}
