package org.vigil.alarm.audio;

/**
 * Told when alarm audio can no longer be produced and when it comes back, so that the station can
 * raise and clear the "alarm audio unavailable" technical alarm. Called on the audio thread,
 * once per change; must not block.
 */
public interface UnavailableListener {

    /** Alarm audio is not available (no device, device lost); {@code reason} is for the log. */
    void onUnavailable(String reason);

    /** Alarm audio works again after an {@link #onUnavailable(String)}. */
    void onAvailable();
}
