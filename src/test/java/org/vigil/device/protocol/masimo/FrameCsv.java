package org.vigil.device.protocol.masimo;

import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;

/**
 * Prints frames in the golden-file form {@code line,field,value,flags}: one row per measurement
 * (vital key; empty value when absent), one {@code frame} row with the frame flags, one
 * {@code @name} row per attribute (sorted). Flags are keys in declaration order joined by {@code |}.
 */
final class FrameCsv {

    static final String HEADER = "line,field,value,flags\n";

    private FrameCsv() {
    }

    static String rows(int line, DeviceFrame frame) {
        StringBuilder sb = new StringBuilder();
        for (Measurement m : frame.measurements()) {
            String value = m.hasValue() ? BigDecimal.valueOf(m.value()).stripTrailingZeros().toPlainString() : "";
            sb.append(line).append(',').append(m.vital().key()).append(',').append(value).append(',')
                    .append(flags(m.flags())).append('\n');
        }
        sb.append(line).append(",frame,,").append(flags(frame.flags())).append('\n');
        new TreeMap<>(frame.attributes()).forEach((k, v) -> sb.append(line).append(",@").append(k).append(',')
                .append(v).append(",\n"));
        return sb.toString();
    }

    static String flags(Set<ReadingFlag> flags) {
        return flags.stream().sorted().map(ReadingFlag::key).collect(Collectors.joining("|"));
    }
}
