package org.vigil.config;

import java.util.Locale;
import java.util.Objects;

/** A serial port by its system name: {@code /dev/ttyUSB0}, {@code /dev/cu.usbserial-1410}, {@code COM3}. */
public record SerialPortEndpoint(String path) implements Endpoint {

    public SerialPortEndpoint {
        Objects.requireNonNull(path, "path");
        if (path.isBlank()) {
            throw new IllegalArgumentException("empty serial port");
        }
    }

    @Override
    public String describe() {
        return path;
    }

    /** The name two endpoints are compared by: Windows COM names ignore case. */
    String identity() {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.startsWith("com") || lower.startsWith("\\\\.\\") ? lower : path;
    }
}
