package org.vigil.device.protocol;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The device protocols the station speaks, by the key used in configuration and on the command line. */
public enum Protocol {
    /** Masimo Rad-8 / Radical serial ASCII 1 output: one CR LF line per second, 9600 8N1. */
    MASIMO("masimo", "Masimo pulse oximeter", new SerialSettings(9600, 8, 'N', 1)),
    /** Ivy 450C "ANSAR-B" messages: 0xFF … 0xFE once per second, 9600 8N1. */
    IVY("ivy", "Ivy 450C bedside monitor", new SerialSettings(9600, 8, 'N', 1));

    private final String key;
    private final String description;
    private final SerialSettings defaultSerial;

    Protocol(String key, String description, SerialSettings defaultSerial) {
        this.key = key;
        this.description = description;
        this.defaultSerial = defaultSerial;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public SerialSettings defaultSerial() {
        return defaultSerial;
    }

    public static Protocol fromKey(String key) {
        for (Protocol p : values()) {
            if (p.key.equalsIgnoreCase(key == null ? "" : key.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + key + "' (expected one of " + keys() + ")");
    }

    /** Comma-separated list of keys, for error messages and help. */
    public static String keys() {
        return Arrays.stream(values()).map(Protocol::key).collect(Collectors.joining(", "));
    }
}
