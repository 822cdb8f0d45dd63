package org.vigil.device.protocol;

import java.time.Instant;

/**
 * The station's side of a request/response protocol on one open link (association, polls,
 * keep-alives, start commands). The connection drives it from its one link thread: never
 * concurrently, never blocking. Protocol control frames (an association response, an MDS create
 * event …) reach {@link #onFrame} as {@link DeviceFrame}s, typically with no measurements and
 * an attribute {@code kind}; frames with measurements also go on to the chair as for a
 * streaming device. A session must not throw; an unexpected frame is ignored or restarts the
 * negotiation. One instance per opened link.
 */
public interface ProtocolSession {

    /** The link has just opened (or reopened): start negotiating, e.g. send an association request. */
    void onOpen(LinkOutput out, Instant now);

    /** A complete frame the decoder produced from what the device sent. */
    void onFrame(DeviceFrame frame, LinkOutput out, Instant now);

    /** Called about every 250 ms while the link is open: keep-alives, polls, timeouts. */
    void onTick(Instant now, LinkOutput out);

    /** {@link SessionState#CONNECTED} once the device is sending data. */
    SessionState state();
}
