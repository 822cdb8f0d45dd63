package org.vigil.session;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The clinical events a nurse enters with one tap (infusion actions have their own commands). */
public enum ClinicalEventKind {
    NAUSEA, VOMITING, ANTIEMETIC, ANXIETY, DISSOCIATION, HEADACHE, OTHER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        String k = key();
        return Character.toUpperCase(k.charAt(0)) + k.substring(1);
    }

    /** True when the event needs a detail (the antiemetic's drug and dose, what "other" was). */
    public boolean needsDetail() {
        return this == ANTIEMETIC || this == OTHER;
    }

    public static ClinicalEventKind fromKey(String key) {
        for (ClinicalEventKind k : values()) {
            if (k.key().equalsIgnoreCase(key == null ? "" : key.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown event kind '" + key + "' (expected one of "
                + Arrays.stream(values()).map(ClinicalEventKind::key).collect(Collectors.joining(", ")) + ")");
    }
}
