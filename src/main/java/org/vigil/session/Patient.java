package org.vigil.session;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A patient as the clinic knows them. {@code id} is the database id (0 before it is stored);
 * {@code weightKg} is the last weight recorded (each session records the weight its dose used).
 */
public record Patient(long id, String mrn, String name, LocalDate birthDate, Double weightKg, String allergies) {

    public Patient {
        mrn = Objects.requireNonNull(mrn, "mrn").trim();
        name = Objects.requireNonNull(name, "name").trim();
        if (mrn.isEmpty()) {
            throw new IllegalArgumentException("a patient needs an MRN");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a patient needs a name");
        }
        allergies = allergies == null ? "" : allergies.trim();
    }

    /** "JD" for "Doe, John" or "John Doe": what the overview shows instead of the name. */
    public String initials() {
        String[] parts;
        int comma = name.indexOf(',');
        if (comma > 0) {
            parts = new String[] {name.substring(comma + 1).trim(), name.substring(0, comma).trim()};
        } else {
            parts = name.split("\\s+");
        }
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty()) {
                b.append(Character.toUpperCase(p.charAt(0)));
            }
        }
        return b.length() > 3 ? b.substring(0, 1) + b.charAt(b.length() - 1) : b.toString();
    }

    public Patient withId(long newId) {
        return new Patient(newId, mrn, name, birthDate, weightKg, allergies);
    }
}
