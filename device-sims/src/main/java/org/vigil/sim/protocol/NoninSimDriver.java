package org.vigil.sim.protocol;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.vigil.device.protocol.nonin.NoninDriver;
import org.vigil.device.protocol.nonin.NoninFormat;
import org.vigil.domain.Vital;

/**
 * A simulated Nonin oximeter in one serial data format: SpO2 and PR, with the pleth in #2 and #7.
 *
 * @param format the data format it sends
 */
public record NoninSimDriver(NoninFormat format) implements SimDriver {

    private static final Set<Vital> REPORTS = Collections.unmodifiableSet(EnumSet.of(Vital.SPO2, Vital.PR));

    public NoninSimDriver {
        Objects.requireNonNull(format, "format");
    }

    @Override
    public String key() {
        return NoninDriver.keyOf(format);
    }

    @Override
    public FrameEncoder newEncoder() {
        return new NoninEncoder(format);
    }

    @Override
    public Set<Vital> reports() {
        return REPORTS;
    }
}
