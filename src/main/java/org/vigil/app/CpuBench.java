package org.vigil.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.locks.LockSupport;
import org.vigil.config.ConfigLoader;
import org.vigil.config.StationConfig;

/**
 * CPU share of a running station core with both built-in simulated devices (simulators,
 * ptys, jSerialComm, decoders, alarm engine, SQLite writer; no window) over a wall-clock
 * interval, from the JVM's process CPU time.
 */
final class CpuBench {

    record Result(double seconds, double cpuSeconds, int cores, long frames) {
        /** CPU used as a share of one core, in percent. */
        double percentOfOneCore() {
            return 100 * cpuSeconds / seconds;
        }

        /** CPU used as a share of the whole machine, in percent. */
        double percentOfMachine() {
            return percentOfOneCore() / cores;
        }
    }

    static Result run(Duration length) throws Exception {
        Path dir = Files.createTempDirectory("vigil-bench");
        StationConfig cfg = ConfigLoader.forCurrentUser().defaults().withDataDir(dir).withDatabase(dir.resolve("bench.db"));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            // let start-up work (class loading, JIT of the first frames) settle
            LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            long frames0 = station.framesReceived();
            LockSupport.parkNanos(length.toNanos());
            long cpu1 = os.getProcessCpuTime();
            long wall1 = System.nanoTime();
            long frames = station.framesReceived() - frames0;
            return new Result((wall1 - wall0) / 1e9, (cpu1 - cpu0) / 1e9, Runtime.getRuntime().availableProcessors(), frames);
        }
    }
}
