package org.vigil.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.alarm.AlarmConfig;
import org.vigil.chair.ChairMonitor;
import org.vigil.chair.LimitPolicy;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.session.SessionRules;
import org.vigil.storage.NewSession;
import org.vigil.storage.SessionDevice;
import org.vigil.storage.SessionEvent;
import org.vigil.storage.StationStore;
import org.vigil.storage.WriterListener;

/**
 * A clinic day, accelerated: eight chairs, each a real {@link ChairMonitor} fed the built-in
 * simulators' bytes through the real decoders on simulated time (1 Hz numerics, a cuff every
 * 5 minutes), recording everything into a real session database through the station's
 * {@link StationStore} and {@link ChairRecordBook}, with the chairs' screen models drained every
 * 100 ms as the frame loop does. Each chair runs one patient's session after another (check-in,
 * typed baseline, start, stop after 40 minutes, Aldrete, discharge, 15 minutes free), staggered by
 * 10 minutes per chair. The recorder is flushed every simulated minute, so its queue holds what
 * it would at real time. Samples the process's resident set every simulated 30 minutes, and the
 * CPU time the whole day took (all threads, including the database writer).
 */
final class ClinicDayBench {

    static final int CHAIRS = 8;
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();
    private static final long CYCLE = Duration.ofMinutes(80).toNanos();

    record Sample(long minute, long rssBytes, long heapUsedBytes) {
    }

    record Result(Duration simulated, int sessionsDischarged, List<Sample> samples, double wallSeconds, double cpuSeconds,
            long dbBytes) {

        double cpuPercentOfOneCoreAtRealTime() {
            return 100.0 * cpuSeconds / (simulated.toNanos() / 1e9);
        }
    }

    private ClinicDayBench() {
    }

    static Result run(Duration day) throws Exception {
        Path dir = Files.createTempDirectory("vigil-clinic-day");
        Path db = dir.resolve("clinic-day.db");
        ScenarioRunner.SimClock[] clockRef = new ScenarioRunner.SimClock[1];
        List<ChairRecordBook> books = new ArrayList<>();
        StationStore[] storeRef = new StationStore[1];
        int[] discharged = {0};
        List<Sample> samples = new ArrayList<>();
        long cpu0 = cpuNanos();
        long wall0 = System.nanoTime();
        MemoryBench.accelerated(day, CHAIRS, (spec, clock) -> {
            clockRef[0] = clock;
            if (storeRef[0] == null) {
                storeRef[0] = StationStore.open(db, clock, new WriterListener() {
                    @Override
                    public void onFailure(Exception cause) {
                        throw new IllegalStateException("recording failed during the clinic day", cause);
                    }

                    @Override
                    public void onRecovered() {
                    }
                });
            }
            StationStore store = storeRef[0];
            List<SessionDevice> devices = spec.devices().stream()
                    .map(d -> new SessionDevice(d.info().id(), d.info().label(), d.info().protocol(), "simulated"))
                    .toList();
            NewSession base = new NewSession(spec.id(), clock.instant(), VersionInfo.version(), true, devices);
            ChairRecordBook book = new ChairRecordBook(store, base, cfg -> SessionEvent.from(RecordedEvent.of(
                    clock.instant(), SessionEventType.ALARM_SETTINGS, Map.of("summary", "clinic defaults"), null)),
                    AlarmConfig.defaults());
            book.current = store.startSession(base);
            ChairMonitor chair = new ChairMonitor(spec, AlarmConfig.defaults(), clock, Runnable::run,
                    new DatabaseRecorder(store.writer(), book.current), LimitPolicy.PERMISSIVE, SessionRules.DEFAULTS, book);
            book.monitor = chair;
            books.add(book);
            return chair;
        }, (nanos, chairs) -> {
            if (nanos % MINUTE != 0) {
                return;
            }
            long minute = nanos / MINUTE;
            for (int i = 0; i < chairs.size(); i++) {
                nurse(chairs.get(i), i, nanos - i * 10 * MINUTE, discharged);
            }
            storeRef[0].writer().flush();
            if (minute % 30 == 0) {
                samples.add(new Sample(minute, MemoryBench.rssBytes(),
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()));
            }
        });
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        storeRef[0].close(clockRef[0].instant());
        long bytes = Files.size(db);
        return new Result(day, discharged[0], samples, wall, cpu, bytes);
    }

    /** What the nurse of chair {@code index} does at {@code t} (nanoseconds into the chair's day). */
    private static void nurse(ChairMonitor chair, int index, long t, int[] discharged) throws Exception {
        if (t < 0) {
            return;
        }
        long n = t / CYCLE;
        long in = (t % CYCLE) / MINUTE;
        var c = chair.clinical();
        switch ((int) in) {
            case 0 -> c.checkIn(new Patient(0, "BENCH-" + index + "-" + n, "Bench, Patient " + index + "-" + n,
                    LocalDate.of(1980, 1, 1), 75.0, ""), new InfusionOrder(75, 0.5, 10, 40, "Dr Bench"), false, HeadlessActors.NURSE).get();
            case 2 -> c.typeBaseline("124", "78", "72", "98", "14", HeadlessActors.NURSE).get();
            case 3 -> c.startInfusion(HeadlessActors.NURSE).get();
            case 43 -> c.stopInfusion(HeadlessActors.NURSE).get();
            case 60 -> c.score(10, 5, 0, null, HeadlessActors.NURSE).get();
            case 62 -> {
                if (c.discharge(true, HeadlessActors.NURSE).get().done()) {
                    discharged[0]++;
                }
            }
            default -> { }
        }
    }

    private static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }
}
