package org.vigil.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vigil.review.SessionRow;

/** The session list's texts, made without {@code String.format}, read as they did with it. */
class SessionListTextsTest {

    @Test
    void numbersReadAsOneDecimalRoundedHalfUpOrWhole() {
        for (int k = 0; k <= 40_000; k++) { // doses, pressures, SpO2: never negative
            double v = k / 100.0;
            String expected = v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
            assertThat(SessionListTexts.number(v)).as("%s", v).isEqualTo(expected);
        }
        assertThat(SessionListTexts.number(163.75)).isEqualTo("163.8");
        assertThat(SessionListTexts.number(0.35)).isEqualTo(String.format(Locale.ROOT, "%.1f", 0.35));
    }

    @Test
    void durationsHaveTwoDigitMinutesAndSayWhetherTheSessionRunsOrEndedAbnormally() {
        Instant start = Instant.parse("2026-11-02T08:00:00Z");
        SessionRow ended = row(start, start.plusSeconds(3_900), false);
        SessionRow abnormal = row(start, start.plusSeconds(36_000 + 600), true);
        SessionRow running = row(start, null, false);
        assertThat(SessionListTexts.duration(ended, start)).isEqualTo("1 h 05 min");
        assertThat(SessionListTexts.duration(abnormal, start)).isEqualTo("10 h 10 min (ended abnormally)");
        assertThat(SessionListTexts.duration(running, start.plusSeconds(59 * 60))).isEqualTo("0 h 59 min (running)");
    }

    @Test
    void aRecordWithoutPatientShowsDashes() {
        Instant start = Instant.parse("2026-11-02T08:00:00Z");
        ListedSession l = SessionListTexts.listed(row(start, start.plusSeconds(60), false), java.time.ZoneOffset.UTC,
                start);
        assertThat(l.patient()).isEqualTo("—");
        assertThat(l.dose()).isEqualTo("—");
        assertThat(l.peakSys()).isEqualTo("—");
        assertThat(l.minSpo2()).isEqualTo("—");
        assertThat(l.alarms()).isEqualTo("0 high · 0 med · 0 low");
        assertThat(l.date()).isEqualTo("2026-11-02 08:00");
    }

    private static SessionRow row(Instant start, Instant end, boolean abnormal) {
        return new SessionRow(1, "chair1", start, end, abnormal, false, 0, null, null, null, null, null, null, null, 0, 0,
                0);
    }
}
