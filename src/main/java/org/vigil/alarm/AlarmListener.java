package org.vigil.alarm;

/** Receives alarm log events synchronously, on the thread that drives the engine. Must not block. */
@FunctionalInterface
public interface AlarmListener {
    void onAlarmEvent(AlarmEvent event);
}
