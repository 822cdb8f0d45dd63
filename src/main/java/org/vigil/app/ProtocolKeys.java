package org.vigil.app;

import java.util.Iterator;
import org.vigil.device.ProtocolRegistry;

/** The protocol keys for command-line help and completion ({@code ${COMPLETION-CANDIDATES}}): the standard registry's. */
final class ProtocolKeys implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return ProtocolRegistry.standard().keys().iterator();
    }
}
