package org.vigil.app;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.vigil.alarm.AlarmEngine;
import org.vigil.alarm.AlarmEvent;

/**
 * How a {@link Station} starts, beyond its configuration.
 *
 * @param restoreWindow the longest loss after which the audio pause comes back on restart
 *                      ({@link org.vigil.chair.SettingsRestore})
 * @param alarmTap      receives every alarm event of every chair ({@code chair id, event}) and of
 *                      the station ({@link AlarmEngine#STATION}, event) from the very start,
 *                      before any device connects (so {@code record} prints the alarms raised
 *                      during start-up); on the core thread, must not block
 */
record StartOptions(Duration restoreWindow, BiConsumer<String, AlarmEvent> alarmTap) {

    static final StartOptions DEFAULT = new StartOptions(org.vigil.chair.SettingsRestore.DEFAULT_WINDOW, (c, e) -> { });

    StartOptions {
        Objects.requireNonNull(restoreWindow, "restoreWindow");
        Objects.requireNonNull(alarmTap, "alarmTap");
        if (restoreWindow.isNegative()) {
            throw new IllegalArgumentException("restore window must not be negative");
        }
    }
}
