package org.vigil.alarm;

/** Which side of a limit is alarming. */
public enum Direction {
    LOW("low"),
    HIGH("high");

    private final String key;

    Direction(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
