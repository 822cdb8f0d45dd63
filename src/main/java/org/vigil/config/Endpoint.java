package org.vigil.config;

import java.util.Locale;

/**
 * Where a device's bytes come from, as written after {@code port:} in the configuration file:
 * a serial port ({@code /dev/ttyUSB0}, {@code COM3}), a TCP server ({@code tcp://127.0.0.1:5000})
 * or the built-in simulator ({@code simulated}, {@code simulated:FILE.yaml}).
 */
public sealed interface Endpoint permits SerialPortEndpoint, TcpEndpoint, SimulatedEndpoint, ListenEndpoint {

    /** The endpoint written back in configuration form, e.g. {@code tcp://127.0.0.1:5000}; shown on screen. */
    String describe();

    /** True for the built-in simulator (no patient device behind it). */
    default boolean simulated() {
        return this instanceof SimulatedEndpoint;
    }

    /**
     * Parses a {@code port:} value. Relative scenario paths are returned as written. Throws
     * {@link IllegalArgumentException} with a one-line reason when {@code text} is none of the forms.
     */
    static Endpoint parse(String text) {
        String expected = " (expected a serial device like /dev/ttyUSB0 or COM3, tcp://HOST:PORT, simulated"
                + " or simulated:SCENARIO.yaml)";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty port" + expected);
        }
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("simulated")) {
            return new SimulatedEndpoint(null);
        }
        if (lower.startsWith("simulated:")) {
            String file = t.substring("simulated:".length()).trim();
            if (file.isEmpty()) {
                throw new IllegalArgumentException("no scenario file after 'simulated:'" + expected);
            }
            return new SimulatedEndpoint(file);
        }
        if (lower.startsWith("tcp://")) {
            return TcpEndpoint.parse(t);
        }
        if (t.startsWith("/") || lower.matches("com[1-9][0-9]*") || lower.matches("\\\\\\\\\\.\\\\com[1-9][0-9]*")) {
            if (t.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("bad port '" + text + "': spaces in a device path" + expected);
            }
            return new SerialPortEndpoint(t);
        }
        throw new IllegalArgumentException("bad port '" + text + "'" + expected);
    }
}
