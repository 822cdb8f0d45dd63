package org.vigil.device.protocol;

import org.vigil.device.transport.Transport;

/** Not used by any test but {@code ArchitectureRulesBiteTest}: with transport → protocol, a cycle. */
final class ArchFixtureProtocolUsesTransport {
    Transport transport;
}
