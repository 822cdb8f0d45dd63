package org.vigil.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.alarm.AlarmEvent;

/**
 * Prints {@code record}'s alarm events as CSV lines on its own thread ({@code vigil-print}), so a
 * slow or stalled output (a paused pager, a full pipe) never holds up the core thread that runs
 * the alarms. {@link #print} only offers a line to a bounded queue; when the queue is full the
 * line is dropped and counted (the session database has every event), and the count is printed
 * as soon as the output moves again.
 */
final class AlarmPrinter implements AutoCloseable {

    static final String HEADER = "time,chair,event,alarm_id,priority,parameter,value,limit,message";
    private static final Logger log = LoggerFactory.getLogger(AlarmPrinter.class);
    private static final String STOP = new String("stop");

    private final PrintWriter out;
    private final BlockingQueue<String> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;

    AlarmPrinter(PrintWriter out, int capacity) {
        this.out = out;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "vigil-print");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues one event of chair {@code chair}; never blocks (called on the core thread). */
    void print(String chair, AlarmEvent e) {
        if (!queue.offer(line(chair, e))) {
            if (dropped.getAndIncrement() == 0) {
                log.warn("alarm event output is not keeping up; events are dropped from the printout (the database has them)");
            }
        }
    }

    /** Events dropped so far because the output did not keep up. */
    long dropped() {
        return dropped.get();
    }

    private void run() {
        try {
            while (true) {
                String line = queue.take();
                if (line == STOP) {
                    return;
                }
                out.println(line);
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    out.println("# " + lost + " alarm event(s) not printed: output too slow; the session database has them");
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints what is queued (waiting up to {@code timeout}) and stops the printer thread. */
    void close(Duration timeout) throws InterruptedException {
        if (!queue.offer(STOP, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            thread.interrupt();
            return;
        }
        thread.join(Math.max(1, timeout.toMillis()));
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(5));
    }

    static String line(String chair, AlarmEvent e) {
        return e.time() + "," + chair + "," + e.type().key() + "," + e.alarmId() + "," + e.priority().key() + ","
                + (e.parameter() == null ? "" : e.parameter()) + "," + (e.value() == null ? "" : Csv.number(e.value())) + ","
                + (e.limit() == null ? "" : Csv.number(e.limit())) + ",\"" + (e.message() == null ? "" : e.message().replace("\"", "'")) + "\"";
    }
}
