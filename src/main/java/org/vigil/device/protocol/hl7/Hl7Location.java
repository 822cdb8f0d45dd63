package org.vigil.device.protocol.hl7;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A patient location from PV1-3 ({@code PL}: point of care ^ room ^ bed ^ facility …), as the
 * monitor sent it. Each component is kept with its sub-components joined by {@code &} and the
 * empty ones left out ({@code ^^&10} has the bed {@code 10}).
 *
 * <p>A configured bed ({@code bed: B-01}) {@link #matches} a location when it equals, ignoring
 * case and surrounding blanks, the location's bed component, or the whole location written
 * {@code POC^ROOM^BED} without its trailing empty components (for a gateway that puts the bed
 * elsewhere: {@code bed: "ICU^12"}).
 *
 * @param components the PL components, each with its empty sub-components removed
 */
public record Hl7Location(List<String> components) {

    /** No PV1-3 in the message. */
    public static final Hl7Location NONE = new Hl7Location(List.of());

    public Hl7Location {
        components = List.copyOf(components);
    }

    /** Parses PV1-3 as written ({@code component^component&sub…}). */
    static Hl7Location parse(String field, char componentSeparator, char subSeparator) {
        if (field == null || field.isBlank()) {
            return NONE;
        }
        List<String> parts = new ArrayList<>();
        for (String component : split(field, componentSeparator)) {
            StringBuilder sb = new StringBuilder();
            for (String sub : split(component, subSeparator)) {
                if (!sub.isBlank()) {
                    if (sb.length() > 0) {
                        sb.append('&');
                    }
                    sb.append(sub.trim());
                }
            }
            parts.add(sb.toString());
        }
        while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return parts.isEmpty() ? NONE : new Hl7Location(parts);
    }

    /** The bed component (PV1-3.3), or empty. */
    public String bed() {
        return components.size() > 2 ? components.get(2) : "";
    }

    /** True when the message names no location. */
    public boolean isEmpty() {
        return components.isEmpty();
    }

    /** True when a configured bed names this location (see the class comment). */
    public boolean matches(String configuredBed) {
        if (configuredBed == null || configuredBed.isBlank() || isEmpty()) {
            return false;
        }
        String want = configuredBed.trim().toLowerCase(Locale.ROOT);
        return bed().toLowerCase(Locale.ROOT).equals(want) || text().toLowerCase(Locale.ROOT).equals(want);
    }

    /** The location as {@code POC^ROOM^BED…}, trailing empty components left out. */
    public String text() {
        return String.join("^", components);
    }

    @Override
    public String toString() {
        return text();
    }

    private static List<String> split(String s, char separator) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == separator) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        return out;
    }
}
