package org.vigil.chair;

import java.util.Optional;
import org.vigil.alarm.Baseline;

/**
 * The answer to a baseline asked at a chair ({@link ChairFeed#setBaselineFromLastCuffReadings},
 * {@link ChairFeed#setBaselineFromCuffReadings}, {@link ChairFeed#setBaselineTyped}).
 *
 * @param baseline the baseline now (or about to be) in force; null when refused
 * @param source   how it was set, as recorded in the alarm log ({@code "typed"},
 *                 {@code "from the last 2 cuff readings 122/76 and 126/80"}); null when refused
 * @param refusal  why it was refused, in words for the nurse; null when accepted
 */
public record BaselineChange(Baseline baseline, String source, String refusal) {

    public static BaselineChange accepted(Baseline baseline, String source) {
        return new BaselineChange(baseline, source, null);
    }

    public static BaselineChange refused(String reason) {
        return new BaselineChange(null, null, reason);
    }

    public boolean accepted() {
        return refusal == null;
    }

    /** Why it was refused, if it was. */
    public Optional<String> reason() {
        return Optional.ofNullable(refusal);
    }
}
