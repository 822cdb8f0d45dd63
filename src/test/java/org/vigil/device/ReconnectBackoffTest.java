package org.vigil.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.device.protocol.masimo.MasimoDecoder;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;
import org.vigil.domain.Reading;

/**
 * A port that cannot be opened is retried with backoff (2, 4, 8, 16, 16 … s for a 2 s start),
 * and the wait starts again from 2 s once the link was open. The delays asked of the scheduler
 * are recorded; the attempts themselves run at once, so nothing waits on a clock.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReconnectBackoffTest {

    private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        final List<Long> delaysMs = new CopyOnWriteArrayList<>();

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delaysMs.add(unit.toMillis(delay));
            return super.schedule(command, 0, unit);
        }
    }

    @Test
    void failedAttemptsWaitTwiceAsLongUpToTheCapAndAnOpenLinkStartsOver() throws Exception {
        RecordingScheduler scheduler = new RecordingScheduler();
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch connected = new CountDownLatch(1);
        CountDownLatch opened = new CountDownLatch(1);
        TransportListener[] link = new TransportListener[1];
        CountDownLatch reconnected = new CountDownLatch(2);
        java.util.function.Supplier<Transport> port = () -> new Transport() {
            boolean open;

            @Override
            public String describe() {
                return "/dev/ttyUSB0";
            }

            @Override
            public void open(TransportListener listener) throws IOException {
                int n = attempts.incrementAndGet();
                if (n <= 6 || n == 8) {
                    throw new java.nio.file.NoSuchFileException("/dev/ttyUSB0");
                }
                open = true;
                link[0] = listener;
                reconnected.countDown();
                opened.countDown();
            }

            @Override
            public void write(byte[] data, int off, int len) {
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                open = false;
            }
        };
        DeviceListener quiet = new DeviceListener() {
            @Override
            public void onReadings(String deviceId, List<Reading> readings) {
            }

            @Override
            public void onConnected(String deviceId, String endpoint) {
                connected.countDown();
            }

            @Override
            public void onDisconnected(String deviceId, String reason) {
            }
        };
        try (DeviceConnection c = new DeviceConnection("ox", port, new MasimoDecoder(), InstantSource.system(), quiet,
                scheduler, Duration.ofSeconds(2))) {
            c.start();
            assertTrue(opened.await(20, TimeUnit.SECONDS));
            // the connection counts the link as open (and its backoff as reset) when it says so
            assertTrue(connected.await(20, TimeUnit.SECONDS));
            assertEquals(List.of(2000L, 4000L, 8000L, 16000L, 16000L, 16000L), scheduler.delaysMs);
            // the adapter is pulled out while open: the first retry comes after 2 s again
            link[0].onDisconnected(new org.vigil.device.transport.LinkProblem(org.vigil.device.transport.LinkFault.UNPLUGGED,
                    "/dev/ttyUSB0", "gone"));
            assertTrue(reconnected.await(20, TimeUnit.SECONDS));
            assertEquals(List.of(2000L, 4000L, 8000L, 16000L, 16000L, 16000L, 2000L, 4000L), scheduler.delaysMs);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
