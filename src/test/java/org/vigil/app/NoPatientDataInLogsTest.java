package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.vigil.chair.ChairMonitor;
import org.vigil.config.StationConfig;
import org.vigil.device.transport.PtyPair;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;

/**
 * Logs never carry a patient's name or MRN (clinical.md "Privacy"): whole sessions run with every
 * logger at its most detailed level, into the station's log file and a capturing appender, and
 * every message, argument and stack trace is searched for the patients' names and MRNs.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NoPatientDataInLogsTest {

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;
    private Level rootLevel;

    @BeforeEach
    void captureEverything() throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        captured.setContext(ctx);
        captured.start();
        root.addAppender(captured);
        LogFiles.startIn(dir.resolve("logs-home"));
    }

    @AfterEach
    void restore() {
        LogFiles.stop();
        root.detachAppender(captured);
        root.setLevel(rootLevel);
    }

    @Test
    void aClinicDayOfSessionsFromCheckInToDischargeLogsNoNameOrMrn() throws Exception {
        // eight chairs (the first to discharge at minute 62), checking named patients in ("Bench, Patient 0-0", MRN "BENCH-0-0"), with
        // baseline, infusion, score and discharge
        ClinicDayBench.Result day = ClinicDayBench.run(Duration.ofMinutes(63));
        assertTrue(day.sessionsDischarged() > 0, "sessions ran to discharge");
        assertClean(List.of("Bench, Patient", "BENCH-"));
    }

    @Test
    void aStationSessionAcrossARestartLogsNoNameOrMrn() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        StationConfig cfg = OneChairConfig.write(dir, """
                      - { id: ox, protocol: masimo, port: simulated }
                      - { id: mon, protocol: ivy, port: simulated, vitals: [hr, nibp] }
                """);
        InfusionOrder order = new InfusionOrder(70, 0.5, 10, 40, "Dr Grey");
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            Patient p = station.patients().orElseThrow().create(
                    new Patient(0, "MRN-55501", "Zebediah Quill", LocalDate.of(1980, 5, 1), 70.0, "none known"));
            ChairMonitor chair = station.chairs().get(0);
            assertTrue(chair.clinical().checkIn(p, order, false, org.vigil.testsupport.TestActors.NURSE).get(5, TimeUnit.SECONDS).done());
            // a second check-in of the same MRN as a different person is refused, with a message
            try {
                station.patients().orElseThrow().create(new Patient(0, "MRN-55501", "Other Person", null, 60.0, ""));
            } catch (RuntimeException expected) {
                org.slf4j.LoggerFactory.getLogger(getClass()).warn("refused as expected: {}", expected.getMessage());
            }
            chair.clinical().typeBaseline("122", "78", "72", "98", "14", org.vigil.testsupport.TestActors.NURSE).get(5, TimeUnit.SECONDS);
            chair.clinical().startInfusion(org.vigil.testsupport.TestActors.NURSE).get(5, TimeUnit.SECONDS);
            station.flush();
        }
        try (Station station = Station.start(cfg, InstantSource.system(), false)) { // resumes the open session
            ChairMonitor chair = station.chairs().get(0);
            station.flush();
            assertTrue(chair.clinicalSession().isPresent(), "resumed");
            chair.clinical().stopInfusion(org.vigil.testsupport.TestActors.NURSE).get(5, TimeUnit.SECONDS);
            chair.clinical().discharge(true, org.vigil.testsupport.TestActors.NURSE).get(5, TimeUnit.SECONDS);
            station.flush();
        }
        assertClean(List.of("Zebediah", "Quill", "MRN-55501", "55501", "Other Person"));
    }

    private void assertClean(List<String> secrets) throws Exception {
        assertFalse(captured.list.isEmpty(), "something was logged");
        List<String> texts = new ArrayList<>();
        for (ILoggingEvent e : captured.list) {
            texts.add(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                texts.add(t.getClassName() + ": " + t.getMessage());
            }
        }
        Path logFile = dir.resolve("logs-home").resolve(LogFiles.DIRECTORY).resolve(LogFiles.FILE);
        assertTrue(Files.exists(logFile), "the station's log file was written");
        try (Stream<Path> files = Files.list(logFile.getParent())) {
            for (Path f : files.toList()) {
                texts.add(Files.readString(f));
            }
        }
        for (String text : texts) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "the log holds '" + secret + "': " + text);
            }
        }
    }
}
