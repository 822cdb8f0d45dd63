package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.domain.ReadingFlag;

class FormatsTest {

    @Test
    void minutesAndSecondsKeepCountingPastAnHour() {
        assertEquals("00:00", Formats.mmss(Duration.ofMillis(-5)));
        assertEquals("01:05", Formats.mmss(Duration.ofSeconds(65)));
        assertEquals("125:03", Formats.mmss(Duration.ofSeconds(125 * 60 + 3)));
    }

    @Test
    void countdownRoundsUpSoItNeverShowsZeroWhileStillPaused() {
        assertEquals("00:01", Formats.countdown(Duration.ofMillis(200)));
        assertEquals("02:00", Formats.countdown(Duration.ofMinutes(2)));
    }

    @Test
    void flagsPrintMostImportantFirstAndHideBareInvalid() {
        assertEquals("", Formats.flags(Set.of(ReadingFlag.INVALID)));
        assertEquals("SENSOR OFF \u00B7 LOW PERFUSION",
                Formats.flags(Set.of(ReadingFlag.LOW_PERFUSION, ReadingFlag.SENSOR_OFF, ReadingFlag.INVALID)));
        assertEquals("? artifact: cuff inflating on the same arm", Formats.flags(Set.of(ReadingFlag.QUESTIONABLE)));
        assertEquals("CUFF inflating", Formats.flags(Set.of(ReadingFlag.CUFF_INFLATING, ReadingFlag.INVALID)));
    }

    @Test
    void sessionTimeAddsHoursAfterSixtyMinutes() {
        assertEquals("59:59", Formats.elapsed(Duration.ofSeconds(3599)));
        assertEquals("1:00:00", Formats.elapsed(Duration.ofSeconds(3600)));
    }
}
