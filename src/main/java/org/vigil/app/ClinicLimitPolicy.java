package org.vigil.app;

import java.util.Objects;
import java.util.Optional;
import org.vigil.alarm.LimitRule;
import org.vigil.config.ClinicBounds;
import org.vigil.chair.LimitPolicy;
import org.vigil.chair.ThresholdRange;

/** The clinic's bounds ({@code alarms.bounds}) as the chairs' limit policy. */
final class ClinicLimitPolicy implements LimitPolicy {

    private final ClinicBounds bounds;

    ClinicLimitPolicy(ClinicBounds bounds) {
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    @Override
    public Optional<String> refuse(LimitRule rule, double newThreshold) {
        return bounds.refusal(rule, newThreshold);
    }

    @Override
    public Optional<ThresholdRange> allowedRange(LimitRule rule) {
        return bounds.range(rule.id()).map(r -> new ThresholdRange(r.min(), r.max()));
    }
}
