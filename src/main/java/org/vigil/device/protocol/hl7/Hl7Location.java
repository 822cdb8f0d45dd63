package org.vigil.device.protocol.hl7;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A patient location from PV1-3 ({@code PL}: point of care ^ room ^ bed ^ facility …), as the
 * monitor sent it. Each component is kept with its sub-components joined by {@code &} and the
 * empty ones left out ({@code ^^&10} has the bed {@code 10}); escape sequences of the
 * separators are resolved after the split ({@code ^^B\F\1} has the bed {@code B|1}).
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

    /**
     * Parses one repetition of PV1-3 as written ({@code component^component&sub…}), with the
     * message's delimiters (MSH-1, MSH-2).
     */
    static Hl7Location parse(String field, Hl7Header.Delimiters d) {
        if (field == null || field.isBlank()) {
            return NONE;
        }
        List<String> parts = new ArrayList<>();
        for (String component : split(field, d.component())) {
            StringBuilder sb = new StringBuilder();
            for (String sub : split(component, d.subcomponent())) {
                if (!sub.isBlank()) {
                    if (sb.length() > 0) {
                        sb.append('&');
                    }
                    sb.append(unescape(sub, d).trim());
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

    /**
     * Resolves the escape sequences of the message's delimiters ({@code \F\ \S\ \T\ \R\ \E\},
     * HL7 v2.6 section 2.7.4: each stands for the character the message uses, MSH-1/MSH-2); other
     * sequences (formatting, {@code \X..\}) and a lone escape character are kept as written.
     */
    static String unescape(String s, Hl7Header.Delimiters d) {
        char escape = d.escape();
        if (s.indexOf(escape) < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == escape && i + 2 < s.length() && s.charAt(i + 2) == escape) {
                char plain = switch (s.charAt(i + 1)) {
                    case 'F' -> d.field();
                    case 'S' -> d.component();
                    case 'T' -> d.subcomponent();
                    case 'R' -> d.repetition();
                    case 'E' -> escape;
                    default -> 0;
                };
                if (plain != 0) {
                    sb.append(plain);
                    i += 3;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static List<String> split(String s, char separator) {
        return Hl7Header.split(s, separator);
    }
}
