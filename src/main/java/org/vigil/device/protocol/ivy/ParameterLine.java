package org.vigil.device.protocol.ivy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One parameter line of an ANSAR-B message, {@code NAME=<n>;v1;...;vn;label;}, without its CR.
 * An empty value field means "no value"; the label is everything after the n-th value with the
 * line's final {@code ;} removed (so a trailing alarm field, if a device sends one, stays in it).
 *
 * @param name   the parameter name as sent, e.g. {@code NIBP}
 * @param values exactly n value fields, trimmed; missing trailing fields are empty strings
 * @param label  the label/alarm text, not trimmed (the SpO2 label is {@code "PR=80 "})
 */
record ParameterLine(String name, List<String> values, String label) {

    /** Most value fields a line may declare; more means the line is not ANSAR-B. */
    static final int MAX_VALUES = 32;

    private static final Pattern HEAD = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)=(\\d{1,2});");

    ParameterLine {
        values = List.copyOf(values);
    }

    /** Parses one line; empty when it does not have the {@code NAME=<n>;} form. */
    static Optional<ParameterLine> parse(String line) {
        Matcher m = HEAD.matcher(line);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(2));
        if (n > MAX_VALUES) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>(n);
        int from = m.end();
        for (int i = 0; i < n; i++) {
            int semi = line.indexOf(';', from);
            if (semi < 0) {
                values.add(line.substring(Math.min(from, line.length())).trim());
                from = line.length();
            } else {
                values.add(line.substring(from, semi).trim());
                from = semi + 1;
            }
        }
        String rest = line.substring(Math.min(from, line.length()));
        String label = rest.endsWith(";") ? rest.substring(0, rest.length() - 1) : rest;
        return Optional.of(new ParameterLine(m.group(1), values, label));
    }

    /** The i-th value field (0-based), or an empty string when the line has fewer. */
    String value(int i) {
        return i < values.size() ? values.get(i) : "";
    }
}
