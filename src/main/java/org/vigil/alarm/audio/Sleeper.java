package org.vigil.alarm.audio;

import java.time.Duration;

/** How the audio thread waits: up to a given time, or until woken. Injected so tests never wait. */
interface Sleeper {

    /** Waits at most {@code duration}; returns early after {@link #wake()}. */
    void sleep(Duration duration) throws InterruptedException;

    /** Ends the current wait, or the next one if none is in progress. */
    void wake();

    /** The real thing, on an object monitor. */
    static Sleeper monitor() {
        return new Sleeper() {
            private boolean woken;

            @Override
            public synchronized void sleep(Duration duration) throws InterruptedException {
                long millis = Math.max(1, duration.toMillis());
                if (!woken) {
                    wait(millis);
                }
                woken = false;
            }

            @Override
            public synchronized void wake() {
                woken = true;
                notifyAll();
            }
        };
    }
}
