package org.vigil.sim;

/** An {@link Emission} with the id of the device that writes it, as produced by {@link Emissions#merge}. */
public record DeviceEmission(String deviceId, Emission emission) {
}
