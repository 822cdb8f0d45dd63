package org.vigil.alarm;

/** IEC 60601-1-8 alarm priorities, lowest first so that {@code compareTo} orders by urgency. */
public enum Priority {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    private final String key;

    Priority(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Priority fromKey(String key) {
        for (Priority p : values()) {
            if (p.key.equalsIgnoreCase(key.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown priority '" + key + "' (expected low, medium or high)");
    }
}
