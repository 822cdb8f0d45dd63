package org.vigil.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.export.ExportFormat;
import org.vigil.export.ExporterFactory;
import org.vigil.export.GeneratedSession;
import org.vigil.export.SessionExports;
import org.vigil.export.SessionLog;

/** The dialog's model without a window: the FX "thread" is a queue the test drains, the export runs on its own thread. */
class ExportDialogModelTest {

    @TempDir
    Path dir;

    final ExecutorService background = Executors.newSingleThreadExecutor();
    final LinkedBlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
    final List<AuditEntry> audit = new ArrayList<>();

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    /** Runs what the background handed to the FX thread until the export is no longer running. */
    private void drainUntilDone(ExportDialogModel m) throws InterruptedException {
        do {
            Runnable r = fxQueue.poll(60, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no news from the export");
            }
            r.run();
        } while (m.runningProperty().get());
    }

    private ExportDialogModel model(SessionLog log) {
        SessionExports exports = new SessionExports(ExporterFactory.standard(java.time.Clock.systemUTC()), audit::add,
                java.time.Clock.systemUTC(), new Random(1));
        Actor nurse = new Actor("u1", "nurse.kim", org.vigil.domain.Role.NURSE, Instant.now(), "login");
        return new ExportDialogModel(log.sessionId(), dir,
                (format, deidentify, protection, out, progress) -> exports.export(log, format, deidentify, protection, out,
                        nurse, progress),
                background, fxQueue::add);
    }

    @Test
    void anExportRunsInTheBackgroundReportsProgressAndIsAudited() throws Exception {
        SessionLog log = new GeneratedSession(1, Instant.parse("2026-03-02T08:00:00Z"), Duration.ofMinutes(100))
                .log(12, ZoneOffset.UTC);
        ExportDialogModel m = model(log);
        m.formatProperty().set(ExportFormat.HL7);
        m.start();
        assertTrue(m.runningProperty().get(), "start returns at once, the export runs");
        drainUntilDone(m);
        Path out = dir.resolve("session-12.hl7");
        assertEquals("Saved " + out, m.messageProperty().get());
        assertEquals(1.0, m.progressProperty().get());
        assertTrue(Files.size(out) > 100_000);
        assertEquals(1, audit.size());
        AuditEntry e = audit.get(0);
        assertEquals("export", e.action());
        assertEquals("session:12", e.target());
        assertEquals("hl7", e.detail().get("format"));
        assertEquals("false", e.detail().get("deidentified"));
        assertEquals(out.toAbsolutePath().toString(), e.detail().get("path"));
        assertEquals("nurse.kim", e.actor().name());
    }

    @Test
    void cancelStopsTheExportAndLeavesNoFile() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        ExportDialogModel m = new ExportDialogModel(5, dir, (format, deidentify, protection, out, progress) -> {
            started.countDown();
            for (long i = 0; ; i++) {
                progress.checkpoint((i % 100) / 100.0);
            }
        }, background, fxQueue::add);
        m.start();
        assertTrue(started.await(30, TimeUnit.SECONDS));
        m.cancel();
        drainUntilDone(m);
        assertEquals("Export cancelled; nothing was written.", m.messageProperty().get());
        assertFalse(m.runningProperty().get());
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void aFailureIsSaidInTheDialog() throws Exception {
        ExportDialogModel m = new ExportDialogModel(5, dir, (format, deidentify, protection, out, progress) -> {
            throw new java.io.IOException("disk full");
        }, background, fxQueue::add);
        m.formatProperty().set(ExportFormat.CSV);
        m.deidentifyProperty().set(true);
        assertEquals(dir.resolve("session-5-deidentified.zip"), m.target());
        m.start();
        drainUntilDone(m);
        assertEquals("Export failed: disk full", m.messageProperty().get());
    }

    @Test
    void aPasswordTooShortOrTypedDifferentlyStopsTheExportWithAMessage() {
        List<Boolean> ran = new ArrayList<>();
        ExportDialogModel m = new ExportDialogModel(5, dir, (format, deidentify, protection, out, progress) -> ran.add(true),
                background, fxQueue::add);
        m.protectProperty().set(true);
        m.passwordProperty().set("short");
        m.confirmProperty().set("short");
        m.start();
        assertEquals("Not exported: the export password needs at least 8 characters (it has 5).", m.messageProperty().get());
        m.passwordProperty().set("long enough 1");
        m.confirmProperty().set("long enough 2");
        m.start();
        assertEquals("Not exported: the two passwords differ.", m.messageProperty().get());
        assertFalse(m.runningProperty().get());
        assertTrue(ran.isEmpty(), "nothing ran");
    }

    @Test
    void aProtectedExportGetsThePasswordAndTheFieldsAreEmptied() throws Exception {
        SessionLog log = new GeneratedSession(1, Instant.parse("2026-03-02T08:00:00Z"), Duration.ofMinutes(20))
                .log(12, ZoneOffset.UTC);
        ExportDialogModel m = model(log);
        m.formatProperty().set(ExportFormat.HL7);
        m.protectProperty().set(true);
        m.passwordProperty().set("long enough 1");
        m.confirmProperty().set("long enough 1");
        Path out = dir.resolve("session-12.hl7.zip");
        assertEquals(out, m.target());
        m.start();
        assertEquals("", m.passwordProperty().get(), "the password does not stay in the dialog");
        assertEquals("", m.confirmProperty().get());
        drainUntilDone(m);
        assertEquals("Saved " + out + " (password-protected)", m.messageProperty().get());
        try (net.lingala.zip4j.ZipFile z = new net.lingala.zip4j.ZipFile(out.toFile(), "long enough 1".toCharArray())) {
            assertTrue(z.isEncrypted());
            z.extractAll(dir.resolve("x").toString());
        }
        assertTrue(Files.readString(dir.resolve("x/session-12.hl7")).startsWith("MSH|"));
        assertEquals("true", audit.get(0).detail().get("password_protected"));
    }
}
