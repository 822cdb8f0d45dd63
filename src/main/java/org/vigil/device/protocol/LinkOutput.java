package org.vigil.device.protocol;

/** The sending side of a device link, as a protocol session sees it. */
@FunctionalInterface
public interface LinkOutput {

    /** Queues {@code bytes} to be written to the device (the caller may reuse the array afterwards). */
    void send(byte[] bytes);
}
