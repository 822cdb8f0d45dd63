package org.vigil.alarm;

/**
 * Receives silencing and state records (audio paused / pause ended, alarm off / on, configuration
 * changed, baseline set) synchronously on the thread that drives the engine. Must not block.
 */
@FunctionalInterface
public interface SilencingListener {
    void onSilencingEvent(SilencingEvent event);
}
