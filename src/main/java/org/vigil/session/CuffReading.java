package org.vigil.session;

import java.time.Instant;
import org.vigil.alarm.AlarmLogFormat;

/**
 * One cuff (NIBP) measurement of the session, as the chair received it.
 *
 * @param time     when the station received it
 * @param deviceId the monitor that measured it
 * @param sys      systolic, mmHg
 * @param dia      diastolic, mmHg
 * @param mean     mean arterial pressure, mmHg; NaN when the monitor sent none
 */
public record CuffReading(Instant time, String deviceId, double sys, double dia, double mean) {

    /** {@code "124/78"}. */
    public String pressure() {
        return AlarmLogFormat.number(sys) + '/' + AlarmLogFormat.number(dia);
    }
}
