package org.vigil.device.protocol.nonin;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.LinkSettings;
import org.vigil.device.protocol.NibpPolicy;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.domain.Vital;

/**
 * Nonin pulse oximeters (OEM III, XPOD, WristOx2 3150, Onyx II 9560, 7500): 9600 8N1, streaming
 * in one serial data format. The format is part of the key, since a device sends one and the
 * station cannot tell #2 from #7 by itself: {@code nonin} is data format #2 (every Nonin serial
 * model has it), {@code nonin-df7} and {@code nonin-df8} the others.
 *
 * @param format the data format the device is set to
 */
public record NoninDriver(NoninFormat format) implements ProtocolDriver {

    private static final Set<Vital> VITALS = Collections.unmodifiableSet(EnumSet.of(Vital.SPO2, Vital.PR));

    public NoninDriver {
        Objects.requireNonNull(format, "format");
    }

    /** The key of a format: {@code nonin} for #2, {@code nonin-df7}, {@code nonin-df8}. */
    public static String keyOf(NoninFormat format) {
        return format == NoninFormat.DF2 ? "nonin" : "nonin-df" + format.number();
    }

    @Override
    public String key() {
        return keyOf(format);
    }

    @Override
    public String description() {
        return "Nonin pulse oximeter (serial data format #" + format.number() + ")";
    }

    @Override
    public String defaultLabel() {
        return "SpO2 device";
    }

    @Override
    public LinkSettings defaultLink() {
        return new SerialSettings(9600, 8, 'N', 1);
    }

    @Override
    public Set<Vital> vitals() {
        return VITALS;
    }

    @Override
    public FrameDecoder newDecoder() {
        return new NoninDecoder(format);
    }

    @Override
    public NibpPolicy nibpPolicy() {
        return NibpPolicy.NONE;
    }
}
