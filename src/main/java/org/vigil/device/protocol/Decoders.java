package org.vigil.device.protocol;

import org.vigil.device.protocol.ivy.IvyDecoder;
import org.vigil.device.protocol.masimo.MasimoDecoder;

/** Creates a fresh decoder for a protocol (decoders keep per-connection state: one each). */
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
