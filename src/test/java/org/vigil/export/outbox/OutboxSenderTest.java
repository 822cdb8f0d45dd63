package org.vigil.export.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.export.GeneratedSession;
import org.vigil.export.SessionLogReader;
import org.vigil.export.outbox.OutboxSender.Result;
import org.vigil.review.SessionArchive;
import org.vigil.storage.OutboxStore;
import org.vigil.storage.VigilDatabase;

class OutboxSenderTest {

    @TempDir
    Path dir;

    VigilDatabase db;
    OutboxStore store;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T12:00:00Z"));
    final List<OutboxStore.Item> rejected = new ArrayList<>();
    SignedSessions signed;
    List<Long> sessions = new ArrayList<>();

    @BeforeEach
    void database() throws Exception {
        db = VigilDatabase.open(dir.resolve("v.db"));
        store = db.outbox();
        for (int i = 0; i < 3; i++) {
            sessions.add(new GeneratedSession(i, Instant.parse("2026-03-02T08:00:00Z").plus(Duration.ofHours(i)),
                    Duration.ofMinutes(20), Duration.ofSeconds(30)).store(db));
        }
        signed = new SignedSessions(new SessionLogReader(new SessionArchive(db), ZoneOffset.UTC), store, now::get);
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private OutboxSender sender(TestEngine engine) {
        return new OutboxSender(store, engine.engine(), now::get, rejected::add);
    }

    private void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void anAcceptedMessageIsSentOnceAndMarkedAcknowledged() throws Exception {
        try (TestEngine engine = new TestEngine(TestEngine.Mode.ACCEPT, 0)) {
            signed.enqueue(sessions.get(0));
            OutboxSender s = sender(engine);
            assertEquals(Result.ACKNOWLEDGED, s.sendDue());
            assertEquals(Result.NOTHING_DUE, s.sendDue());
            assertEquals(1, engine.received.size());
            OutboxStore.Item item = store.all().get(0);
            assertEquals("acknowledged", item.state());
            assertEquals(1, item.attempts());
            assertEquals("AA", item.lastAnswer());
            assertEquals(item.controlId(), engine.controlIds().get(0));
            assertTrue(engine.received.get(0).startsWith("MSH|^~\\&|VIGIL"));
            assertEquals(0, store.pendingCount());
        }
    }

    @Test
    void signingTwiceQueuesTheSessionOnce() throws Exception {
        long a = signed.enqueue(sessions.get(0)).orElseThrow();
        advance(Duration.ofSeconds(5));
        long b = signed.enqueue(sessions.get(0)).orElseThrow();
        assertEquals(a, b);
        assertEquals(1, store.all().size());
        assertTrue(signed.enqueue(999).isEmpty());
    }

    @Test
    void aListenerThatDropsTheConnectionMidMessageGetsTheSameMessageAgainAfterTheBackoff() throws Exception {
        try (TestEngine engine = new TestEngine(TestEngine.Mode.DROP_MID_MESSAGE, 0)) {
            signed.enqueue(sessions.get(0));
            String controlId = store.all().get(0).controlId();
            OutboxSender s = sender(engine);
            assertEquals(Result.RETRY, s.sendDue());
            OutboxStore.Item after = store.all().get(0);
            assertEquals("pending", after.state());
            assertEquals(now.get().plusSeconds(10), after.nextAttemptAt());
            assertTrue(after.lastAnswer().startsWith("no answer from 127.0.0.1:"), after.lastAnswer());
            assertEquals(Result.NOTHING_DUE, s.sendDue(), "not before the backoff");
            advance(Duration.ofSeconds(10));
            assertEquals(Result.RETRY, s.sendDue());
            assertEquals(now.get().plusSeconds(20), store.all().get(0).nextAttemptAt(), "the wait doubles");
            engine.mode = TestEngine.Mode.ACCEPT;
            advance(Duration.ofSeconds(20));
            assertEquals(Result.ACKNOWLEDGED, s.sendDue());
            assertEquals(List.of(controlId), engine.controlIds(), "one complete message, MSH-10 unchanged");
            assertEquals(3, store.all().get(0).attempts());
        }
    }

    @Test
    void anErrorAnswerIsKeptWithTheEnginesTextForAnAdminAndTheNextMessageGoesOn() throws Exception {
        try (TestEngine engine = new TestEngine(TestEngine.Mode.ERROR, 0)) {
            signed.enqueue(sessions.get(0));
            signed.enqueue(sessions.get(1));
            OutboxSender s = sender(engine);
            assertEquals(Result.REJECTED, s.sendOne());
            engine.mode = TestEngine.Mode.ACCEPT;
            assertEquals(Result.ACKNOWLEDGED, s.sendDue());
            assertEquals(1, rejected.size());
            assertEquals("AE: Unknown patient MRN-0042", rejected.get(0).lastAnswer());
            assertEquals(List.of("rejected", "acknowledged"), store.all().stream().map(OutboxStore.Item::state).toList());
            assertEquals(1, store.rejected().size());
            assertEquals(2, engine.received.size(), "a rejected message is not resent by itself");
        }
    }

    @Test
    void aStationOfflineForADaySendsEverythingOnceInOrderWhenTheEngineIsBack() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        InterfaceEngine offline = new InterfaceEngine("127.0.0.1", port, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofMinutes(5));
        OutboxSender s = new OutboxSender(store, offline, now::get, rejected::add);
        for (long id : sessions) {
            signed.enqueue(id);
            advance(Duration.ofMinutes(1));
        }
        List<String> queued = store.all().stream().map(OutboxStore.Item::controlId).toList();
        int attempts = 0;
        for (int minute = 0; minute < 24 * 60; minute += 5) {
            if (s.sendDue() == Result.RETRY) {
                attempts++;
            }
            advance(Duration.ofMinutes(5));
        }
        assertTrue(attempts > 100, "retried all day: " + attempts);
        assertEquals(List.of("pending", "pending", "pending"), store.all().stream().map(OutboxStore.Item::state).toList());
        assertEquals(0, store.all().get(1).attempts(), "nothing behind the first message is tried before it");
        try (TestEngine engine = new TestEngine(TestEngine.Mode.ACCEPT, port)) {
            advance(Duration.ofMinutes(5));
            assertEquals(Result.ACKNOWLEDGED, s.sendDue());
            assertEquals(queued, engine.controlIds(), "each once, in the order signed");
            assertEquals(3, engine.connections);
            assertEquals(Result.NOTHING_DUE, s.sendDue());
        }
    }

    @Test
    void theSenderThreadSendsWhatIsQueuedWithoutBeingDriven() throws Exception {
        try (TestEngine engine = new TestEngine(TestEngine.Mode.ACCEPT, 0); OutboxSender s = sender(engine)) {
            signed.enqueue(sessions.get(2));
            s.start();
            s.wake();
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            Thread watcher = new Thread(() -> {
                while (store.pendingCount() > 0) {
                    Thread.onSpinWait();
                }
                done.countDown();
            });
            watcher.setDaemon(true);
            watcher.start();
            assertTrue(done.await(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(1, engine.received.size());
        }
    }

    @Test
    void ackParsing() {
        Ack a = Ack.parse("MSH|^~\\&|E||V||x||ACK|1|P|2.6\rMSA|AR|VIGIL-1-5|Duplicate message\r");
        assertEquals("AR", a.code());
        assertEquals("VIGIL-1-5", a.controlId());
        assertEquals("Duplicate message", a.text());
        assertTrue(Ack.parse("MSA|CA|x").accepted());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Ack.parse("MSH|^~\\&|E"));
    }
}
