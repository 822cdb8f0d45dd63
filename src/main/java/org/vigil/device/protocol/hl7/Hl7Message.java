package org.vigil.device.protocol.hl7;

import java.util.Objects;
import org.vigil.device.protocol.DeviceFrame;

/**
 * One ORU^R01 read from a monitor: the header fields an acknowledgement and routing need, and the
 * {@link DeviceFrame} of its observations.
 *
 * @param controlId MSH-10, echoed in MSA-2 of the acknowledgement (may be empty)
 * @param sendingApplication MSH-3 as sent
 * @param sendingFacility MSH-4 as sent
 * @param location PV1-3, {@link Hl7Location#NONE} without a PV1
 * @param frame the measurements and attributes
 */
public record Hl7Message(String controlId, String sendingApplication, String sendingFacility, Hl7Location location,
        DeviceFrame frame) {

    public Hl7Message {
        Objects.requireNonNull(controlId, "controlId");
        Objects.requireNonNull(sendingApplication, "sendingApplication");
        Objects.requireNonNull(sendingFacility, "sendingFacility");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(frame, "frame");
    }
}
