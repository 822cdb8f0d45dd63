package org.vigil.storage;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Counts what a {@link RecordingWriter} reports. */
final class TestListener implements WriterListener {

    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger recoveries = new AtomicInteger();
    final AtomicReference<Exception> lastFailure = new AtomicReference<>();
    final CountDownLatch failed = new CountDownLatch(1);

    @Override
    public void onFailure(Exception cause) {
        lastFailure.set(cause);
        failures.incrementAndGet();
        failed.countDown();
    }

    @Override
    public void onRecovered() {
        recoveries.incrementAndGet();
    }
}
