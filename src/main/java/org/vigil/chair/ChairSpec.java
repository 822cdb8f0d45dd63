package org.vigil.chair;

import java.util.List;
import org.vigil.alarm.DeviceAlarmProfile;

/**
 * What a {@link ChairMonitor} needs to know about its chair: ids, labels and, per device, how
 * it is shown and how the alarm engine treats it.
 */
public record ChairSpec(String id, String label, boolean simulated, List<Device> devices) {

    public ChairSpec {
        devices = List.copyOf(devices);
    }

    /** One device of the chair. */
    public record Device(DeviceInfo info, DeviceAlarmProfile alarmProfile) {
    }
}
