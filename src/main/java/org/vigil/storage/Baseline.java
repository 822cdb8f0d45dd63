package org.vigil.storage;

/**
 * A session's pre-infusion baseline; each part is {@code null} when not taken.
 *
 * @param systolic  mmHg
 * @param diastolic mmHg
 * @param heartRate beats/min
 */
public record Baseline(Double systolic, Double diastolic, Double heartRate) {

    /** No baseline taken. */
    public static Baseline none() {
        return new Baseline(null, null, null);
    }
}
