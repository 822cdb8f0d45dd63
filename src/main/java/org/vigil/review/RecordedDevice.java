package org.vigil.review;

/** A device that recorded in a session, as configured then. */
public record RecordedDevice(String deviceId, String label, String protocol, String endpoint) {
}
