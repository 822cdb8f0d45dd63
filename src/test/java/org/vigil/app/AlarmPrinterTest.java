package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.Priority;

/**
 * {@code record | less} with the pager left on its first screen: the pipe stops taking bytes.
 * The core thread that runs the alarms hands events to the printer and must never wait on that
 * pipe; what does not fit is counted and reported once the output moves again.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AlarmPrinterTest {

    @Test
    void aStalledOutputNeverHoldsUpTheCoreThread() throws Exception {
        StalledPipe pipe = new StalledPipe();
        PrintWriter out = new PrintWriter(pipe, false, StandardCharsets.UTF_8);
        ExecutorService core = Executors.newSingleThreadExecutor();
        // Four chairs, a desaturation raised and ended every minute on each, for half a day.
        List<AlarmEvent> events = new java.util.ArrayList<>();
        Instant t = Instant.parse("2026-03-02T08:00:00Z");
        for (int minute = 0; minute < 720; minute++) {
            events.add(desat(t.plusSeconds(60L * minute), AlarmEventType.RAISED, 86.0));
            events.add(desat(t.plusSeconds(60L * minute + 20), AlarmEventType.ENDED, 93.0));
        }
        int chairs = 4;
        try (AlarmPrinter printer = new AlarmPrinter(out, 100)) {
            CountDownLatch handedOver = new CountDownLatch(1);
            core.execute(() -> {
                for (AlarmEvent e : events) {
                    for (int c = 1; c <= chairs; c++) {
                        printer.print("chair-" + c, e);
                    }
                }
                handedOver.countDown();
            });
            assertTrue(handedOver.await(10, TimeUnit.SECONDS), "the core thread handed every event over while the pipe was stalled");
            long dropped = printer.dropped();
            assertTrue(dropped > 0, "what did not fit is counted");

            pipe.release();
            printer.close(Duration.ofSeconds(10));
            String printed = pipe.text();
            long lines = printed.lines().filter(l -> l.contains(",spo2.desat,")).count();
            // drops are reported as they are noticed: the printer may have read the count once
            // before the pipe stalled and again after, so every note counts
            List<String> notes = printed.lines().filter(l -> l.startsWith("# ")).toList();
            assertTrue(!notes.isEmpty(), "the drops are reported");
            long reported = 0;
            for (String note : notes) {
                assertTrue(note.matches("# \\d+ alarm event\\(s\\) not printed: .*"), note);
                reported += Long.parseLong(note.substring(2, note.indexOf(' ', 2)));
            }
            assertEquals(events.size() * (long) chairs, lines + reported, "every event is printed or reported as dropped");
            assertTrue(printed.startsWith("2026-03-02T08:00:00Z,chair-1,raised,spo2.desat,high,spo2,86,90,"), printed.lines().findFirst().orElse(""));
        } finally {
            core.shutdownNow();
        }
    }

    private static AlarmEvent desat(Instant at, AlarmEventType type, double value) {
        return new AlarmEvent(at, type, "spo2.desat", Priority.HIGH, AlarmKind.PHYSIOLOGICAL, "spo2", value, 90.0,
                "SpO2 " + (int) value + " < 90", null);
    }

    /** A pipe whose reader has stopped reading until {@link #release()}. */
    private static final class StalledPipe extends OutputStream {
        private final CountDownLatch reading = new CountDownLatch(1);
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                reading.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            synchronized (received) {
                received.write(b, off, len);
            }
        }

        void release() {
            reading.countDown();
        }

        String text() {
            synchronized (received) {
                return received.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
