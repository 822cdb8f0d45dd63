package org.vigil.ui;

import org.vigil.device.DeviceStream;

/** Not used by any test but {@code ArchitectureRulesBiteTest}: an arrow the layers refuse. */
final class ArchFixtureUiUsesDevice {
    DeviceStream stream;
}
