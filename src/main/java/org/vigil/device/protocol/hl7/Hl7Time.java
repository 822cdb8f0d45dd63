package org.vigil.device.protocol.hl7;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HL7 v2 DTM values ({@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}) as ISO-8601 text,
 * e.g. {@code 20250610015127+0800} → {@code 2025-06-10T01:51:27+08:00}. The device's clock is
 * kept as the device wrote it: no conversion to the station's zone.
 */
final class Hl7Time {

    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})(?:(\\d{2})(\\d{2})?(\\d{2})?(\\.\\d{1,4})?)?([+-]\\d{4})?");

    private Hl7Time() {
    }

    /** The ISO-8601 form of a DTM with at least a date, or empty when {@code dtm} is no such value. */
    static Optional<String> iso(String dtm) {
        if (dtm == null) {
            return Optional.empty();
        }
        Matcher m = DTM.matcher(dtm.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(m.group(1)).append('-').append(m.group(2)).append('-').append(m.group(3));
        if (m.group(4) != null) {
            sb.append('T').append(m.group(4)).append(':').append(m.group(5) == null ? "00" : m.group(5))
                    .append(':').append(m.group(6) == null ? "00" : m.group(6));
            if (m.group(7) != null) {
                sb.append(m.group(7));
            }
        }
        if (m.group(8) != null) {
            String z = m.group(8);
            sb.append(z, 0, 3).append(':').append(z, 3, 5);
        }
        return Optional.of(sb.toString());
    }
}
