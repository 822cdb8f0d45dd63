package org.vigil.app;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.LimitRule;
import org.vigil.domain.Durations;

/** The alarm settings in force, as one line for the session log. */
final class AlarmSettingsText {

    private AlarmSettingsText() {
    }

    /**
     * For example {@code source=/etc/vigil/station.yaml audio_pause=2m escalate_medium_after=3m
     * nibp_grace=2m pulse_rate_only_without_hr=true spo2.low=<90/medium/15s ...}; each rule is
     * {@code id=<threshold or >threshold/priority/delay} plus {@code /latching} and {@code /off}
     * when they apply.
     */
    static String describe(AlarmConfig c, Path source) {
        String rules = c.rules().stream().map(AlarmSettingsText::rule).collect(Collectors.joining(" "));
        return "source=" + (source == null ? "built-in" : source.toString())
                + " audio_pause=" + Durations.format(c.audioPause())
                + " escalate_medium_after=" + (c.escalateMediumAfter() == null ? "off" : Durations.format(c.escalateMediumAfter()))
                + " nibp_grace=" + Durations.format(c.nibpGrace())
                + " pulse_rate_only_without_hr=" + c.pulseRateOnlyWithoutHr()
                + " " + rules;
    }

    private static String rule(LimitRule r) {
        String cmp = switch (r.direction()) {
            case LOW -> r.inclusive() ? "<=" : "<";
            case HIGH -> r.inclusive() ? ">=" : ">";
        };
        String base = r.reference() == org.vigil.alarm.LimitReference.BASELINE ? "baseline+" : "";
        return r.id() + "=" + cmp + base + Csv.number(r.threshold()) + "/" + r.priority().key() + "/"
                + Durations.format(r.conditionDelay()) + (r.latching() ? "/latching" : "") + (r.enabled() ? "" : "/off");
    }
}
