package org.vigil.config;

import java.util.Objects;

/**
 * A device that connects to the station: the station listens on TCP {@code port} (every
 * interface) and takes the messages for {@code bed} (HL7 monitors and gateways push ORU^R01 over
 * MLLP; several chairs share one port, each with its bed). Written {@code listen: 2575} and
 * {@code bed: B-01} in the configuration, instead of {@code port:}.
 */
public record ListenEndpoint(int port, String bed) implements Endpoint {

    public ListenEndpoint {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("listen port must be 1-65535: " + port);
        }
        Objects.requireNonNull(bed, "bed");
        if (bed.isBlank()) {
            throw new IllegalArgumentException("empty bed");
        }
    }

    @Override
    public String describe() {
        return "listen :" + port + " bed " + bed;
    }
}
