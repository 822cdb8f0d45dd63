package org.vigil.device;

import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.Protocol;
import org.vigil.device.protocol.ivy.IvyDecoder;
import org.vigil.device.protocol.masimo.MasimoDecoder;

/**
 * Creates a fresh decoder for a protocol (decoders keep per-connection state: one each). It lives
 * above the vendors' packages so that {@code device.protocol} (the contract) never depends on a
 * vendor and a vendor never depends on another.
 */
public final class Decoders {

    private Decoders() {
    }

    public static FrameDecoder create(Protocol protocol) {
        return switch (protocol) {
            case MASIMO -> new MasimoDecoder();
            case IVY -> new IvyDecoder();
        };
    }
}
