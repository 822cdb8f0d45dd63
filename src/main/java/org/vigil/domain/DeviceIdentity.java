package org.vigil.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who a device says it is, as far as its protocol tells: the manufacturer, the model, the serial
 * number, the software version and the IEEE EUI-64 (the system id of IEEE 11073 devices, HL7
 * OBX-18 of IHE PCD-01). A field the device did not tell is empty, never guessed: a device whose
 * protocol names nothing is known only by its protocol and the label it is configured with
 * (docs/PROTOCOLS.md says which protocol gives which field).
 *
 * <p>The text comes from a device, so it is cleaned: control characters become spaces, runs of
 * blanks one space, each field at most {@value #MAX_LENGTH} characters. An EUI-64 is 16
 * upper-case hexadecimal digits (anything else is kept as the serial by the decoder, never here).
 */
public record DeviceIdentity(String manufacturer, String model, String serial, String software, String eui64) {

    /** Longest field kept, in characters. */
    public static final int MAX_LENGTH = 64;

    /** Nothing told. */
    public static final DeviceIdentity UNKNOWN = new DeviceIdentity("", "", "", "", "");

    public DeviceIdentity {
        manufacturer = clean(manufacturer);
        model = clean(model);
        serial = clean(serial);
        software = clean(software);
        eui64 = clean(eui64).toUpperCase(Locale.ROOT);
        if (!eui64.isEmpty() && !isEui64(eui64)) {
            throw new IllegalArgumentException("an EUI-64 is 16 hexadecimal digits: " + eui64);
        }
    }

    /** An identity with only a serial number. */
    public static DeviceIdentity serialOnly(String serial) {
        return new DeviceIdentity("", "", serial, "", "");
    }

    /** True for 16 hexadecimal digits (either case). */
    public static boolean isEui64(String s) {
        if (s == null || s.length() != 16) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** True when the device told nothing about itself. */
    public boolean isUnknown() {
        return manufacturer.isEmpty() && model.isEmpty() && serial.isEmpty() && software.isEmpty() && eui64.isEmpty();
    }

    /** The same identity without the serial number and the EUI-64 (device identifiers, for de-identified exports). */
    public DeviceIdentity withoutIdentifiers() {
        return new DeviceIdentity(manufacturer, model, "", software, "");
    }

    /** Manufacturer and model, e.g. {@code Philips 866062}; empty when neither is known. */
    public String makeAndModel() {
        if (manufacturer.isEmpty() || model.startsWith(manufacturer)) {
            return model.isEmpty() ? manufacturer : model;
        }
        return model.isEmpty() ? manufacturer : manufacturer + " " + model;
    }

    /**
     * One line for screens and reports: {@code Philips 866062, serial DE351A4061, software L.01.18,
     * EUI-64 0009FBFFFF88C1BD}; {@code not reported by the device} when unknown.
     */
    public String describe() {
        List<String> parts = new ArrayList<>(4);
        if (!makeAndModel().isEmpty()) {
            parts.add(makeAndModel());
        }
        if (!serial.isEmpty()) {
            parts.add("serial " + serial);
        }
        if (!software.isEmpty()) {
            parts.add("software " + software);
        }
        if (!eui64.isEmpty()) {
            parts.add("EUI-64 " + eui64);
        }
        return parts.isEmpty() ? "not reported by the device" : String.join(", ", parts);
    }

    private static String clean(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_LENGTH));
        boolean blank = false;
        for (int i = 0; i < s.length() && b.length() < MAX_LENGTH; i++) {
            char c = s.charAt(i);
            if (c == 0) {
                break; // NUL-padded device strings end at the first NUL
            }
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                blank = b.length() > 0;
                continue;
            }
            if (blank) {
                b.append(' ');
                blank = false;
                if (b.length() >= MAX_LENGTH) {
                    break;
                }
            }
            b.append(c);
        }
        return b.toString();
    }
}
