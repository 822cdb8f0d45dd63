package org.vigil.device.protocol;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.WaveSegment;

/**
 * One complete frame from a device: the measurements it carried (absent values included, as
 * {@link Measurement#absent}), the device-level conditions it reported (already copied onto
 * each measurement's flags where they apply), and protocol attributes worth keeping such as
 * {@code device_time}, {@code serial} or a parameter's label/alarm text, and the waveform samples
 * it carried ({@code wave}, e.g. the pleth; null when none).
 *
 * <p>Who the device is travels in five attributes ({@link #identity()}): {@value #MANUFACTURER},
 * {@value #MODEL}, {@value #SERIAL}, {@value #SOFTWARE} and {@value #EUI64} (16 hexadecimal
 * digits). A frame that carries any of them states the device's whole identity as its decoder
 * knows it then (what an earlier control frame of the same link told included); a frame with none
 * of them says nothing about it.
 */
public record DeviceFrame(List<Measurement> measurements, Set<ReadingFlag> flags, Map<String, String> attributes,
        WaveSegment wave) {

    /** A frame without waveform samples. */
    public DeviceFrame(List<Measurement> measurements, Set<ReadingFlag> flags, Map<String, String> attributes) {
        this(measurements, flags, attributes, null);
    }

    /** Attribute: the manufacturer's name as the device gives it. */
    public static final String MANUFACTURER = "manufacturer";
    /** Attribute: the model (name or product number) as the device gives it. */
    public static final String MODEL = "model";
    /** Attribute: the serial number. */
    public static final String SERIAL = "serial";
    /** Attribute: the software (firmware) version or revision. */
    public static final String SOFTWARE = "software";
    /** Attribute: the IEEE EUI-64, 16 hexadecimal digits. */
    public static final String EUI64 = "eui64";

    public DeviceFrame {
        measurements = List.copyOf(measurements);
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * The device's identity this frame states, empty when it carries no identity attribute. An
     * {@value #EUI64} that is not 16 hexadecimal digits is left out (decoders never send one).
     */
    public Optional<DeviceIdentity> identity() {
        String manufacturer = attributes.get(MANUFACTURER);
        String model = attributes.get(MODEL);
        String serial = attributes.get(SERIAL);
        String software = attributes.get(SOFTWARE);
        String eui64 = attributes.get(EUI64);
        if (manufacturer == null && model == null && serial == null && software == null && eui64 == null) {
            return Optional.empty();
        }
        DeviceIdentity id = new DeviceIdentity(manufacturer, model, serial, software,
                DeviceIdentity.isEui64(eui64) ? eui64 : "");
        return id.isUnknown() ? Optional.empty() : Optional.of(id);
    }
}
