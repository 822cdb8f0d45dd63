package org.vigil.device.protocol;

/**
 * How a device's link is set up by default: {@link SerialSettings} for a serial port. A protocol
 * that is not carried on a serial line (e.g. a network listener) brings its own implementation;
 * the station then opens the link its configuration describes.
 */
public interface LinkSettings {
}
