package org.vigil.device.protocol;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.WaveSegment;

/**
 * One complete frame from a device: the measurements it carried (absent values included, as
 * {@link Measurement#absent}), the device-level conditions it reported (already copied onto
 * each measurement's flags where they apply), and protocol attributes worth keeping such as
 * {@code device_time}, {@code serial} or a parameter's label/alarm text, and the waveform samples
 * it carried ({@code wave}, e.g. the pleth; null when none).
 */
public record DeviceFrame(List<Measurement> measurements, Set<ReadingFlag> flags, Map<String, String> attributes,
        WaveSegment wave) {

    /** A frame without waveform samples. */
    public DeviceFrame(List<Measurement> measurements, Set<ReadingFlag> flags, Map<String, String> attributes) {
        this(measurements, flags, attributes, null);
    }

    public DeviceFrame {
        measurements = List.copyOf(measurements);
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
