package org.vigil.sim.protocol;

import org.vigil.device.protocol.Protocol;

/** Creates the simulator-side encoder for a protocol key ({@code masimo}, {@code ivy}). */
public final class Encoders {

    private Encoders() {
    }

    public static FrameEncoder create(String protocolKey) {
        return switch (Protocol.fromKey(protocolKey)) {
            case MASIMO -> new MasimoEncoder();
            case IVY -> new IvyEncoder();
        };
    }
}
