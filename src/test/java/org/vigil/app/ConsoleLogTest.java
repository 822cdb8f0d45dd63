package org.vigil.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.device.DeviceConnection;
import org.vigil.device.DeviceListener;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.transport.LinkFault;
import org.vigil.device.transport.LinkProblem;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;
import org.vigil.session.ChairMonitor;
import org.vigil.session.ChairSpec;
import org.vigil.session.DeviceInfo;
import org.vigil.session.SessionRecorder;

/**
 * The Ivy monitor's USB-serial adapter is unplugged: jSerialComm refuses the port on every
 * retry, the nurse plugs it back, it drops again. Over a hundred failed attempts the console
 * shows one line per change of the device's state and no stack trace; the log file in the
 * data folder has every attempt and the stack traces.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConsoleLogTest {

    private static final String UNPLUGGED =
            "Unable to create a serial port object from the invalid port descriptor: /dev/ttyUSB0";

    @TempDir
    Path data;

    @Test
    void anUnpluggedMonitorLogsOneConsoleLinePerStateChangeAndEveryAttemptToTheFile() throws Exception {
        PrintStream console = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor();
        Path file;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            configureLogging("/logback.xml"); // the shipped configuration, not the tests' quiet one
            file = LogFiles.startIn(data).orElseThrow();
            Adapter adapter = new Adapter();
            InstantSource clock = () -> Instant.parse("2026-03-02T09:00:00Z");
            ChairMonitor chair = new ChairMonitor(new ChairSpec("chair-2", "Chair 2", false, List.of(new ChairSpec.Device(
                    new DeviceInfo("mon", "Monitor", "ivy", "/dev/ttyUSB0", Set.of(Vital.HR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN), false),
                    new DeviceAlarmProfile("mon", "Monitor", Duration.ofSeconds(10), null, null)))),
                    AlarmConfig.defaults(), clock, Runnable::run, SessionRecorder.NONE);
            CountDownLatch connected = new CountDownLatch(1);
            DeviceListener listener = new DeviceListener() {
                @Override
                public void onReadings(String deviceId, List<Reading> readings) {
                    chair.onReadings(deviceId, readings);
                }

                @Override
                public void onConnected(String deviceId, String endpoint) {
                    chair.onConnected(deviceId, endpoint);
                    connected.countDown();
                }

                @Override
                public void onDisconnected(String deviceId, String reason) {
                    chair.onDisconnected(deviceId, reason);
                }
            };
            DeviceConnection connection = new DeviceConnection("mon", adapter::next, ProtocolRegistry.standard().require("ivy").newDecoder(), clock,
                    listener, connector, Duration.ofMillis(1));
            connector.execute(connection::start);
            assertTrue(connected.await(20, TimeUnit.SECONDS), "connected after 60 refusals");
            adapter.listener.get().onDisconnected(new LinkProblem(LinkFault.UNPLUGGED, "/dev/ttyUSB0", "port gone"));
            assertTrue(adapter.givenUp.await(20, TimeUnit.SECONDS), "40 more refusals");
            connection.close();
        } finally {
            connector.shutdownNow();
            connector.awaitTermination(5, TimeUnit.SECONDS);
            System.setErr(console);
            LogFiles.stop();
            configureLogging("/logback-test.xml");
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("device mon")).toList();
        assertEquals(4, lines.size(), "unplugged, connected, dropped, unplugged again:\n" + String.join("\n", lines));
        assertTrue(lines.get(0).contains("not connected: ") && lines.get(0).contains(UNPLUGGED + "]"), lines.get(0));
        assertTrue(lines.get(1).contains("connected on /dev/ttyUSB0"), lines.get(1));
        assertTrue(lines.get(2).contains("disconnected: /dev/ttyUSB0 went away") && lines.get(2).contains("[port gone]"),
                lines.get(2));
        assertTrue(lines.get(3).contains("not connected: ") && lines.get(3).contains(UNPLUGGED + "]"), lines.get(3));
        assertFalse(captured.toString(StandardCharsets.UTF_8).contains("\tat "), "no stack trace on the console");

        assertTrue(Files.isRegularFile(file) && file.startsWith(data), "log file in the data folder: " + file);
        String logged = Files.readString(file);
        long attempts = logged.lines().filter(l -> l.contains("device mon still not connected")).count();
        assertTrue(attempts >= 95, "every attempt is in the file, found " + attempts);
        assertTrue(logged.contains("\tat org.vigil."), "stack traces go to the file");
    }

    private static void configureLogging(String resource) throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(ctx);
        configurator.doConfigure(ConsoleLogTest.class.getResource(resource));
    }

    /** A USB-serial adapter: 60 refusals, plugged back, then refusals again after it drops. */
    private static final class Adapter {
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicReference<TransportListener> listener = new AtomicReference<>();
        final CountDownLatch givenUp = new CountDownLatch(1);

        Transport next() {
            int n = attempts.incrementAndGet();
            return new Transport() {
                @Override
                public String describe() {
                    return "/dev/ttyUSB0 9600 8N1";
                }

                @Override
                public void open(TransportListener l) throws IOException {
                    if (n == 61) {
                        listener.set(l);
                        return;
                    }
                    if (n >= 101) {
                        givenUp.countDown();
                    }
                    throw new IllegalStateException(UNPLUGGED);
                }

                @Override
                public void write(byte[] data, int off, int len) throws IOException {
                    throw new IOException("not open");
                }

                @Override
                public boolean isOpen() {
                    return n == 61;
                }

                @Override
                public void close() {
                    // nothing held
                }
            };
        }
    }
}
