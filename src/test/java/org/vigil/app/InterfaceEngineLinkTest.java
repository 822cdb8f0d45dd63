package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.InterfaceEngineConfig;
import org.vigil.export.GeneratedSession;
import org.vigil.export.outbox.Mllp;
import org.vigil.session.DoseCalculation;
import org.vigil.session.SessionRules;
import org.vigil.storage.EndReason;
import org.vigil.storage.NewSession;
import org.vigil.storage.OutboxStore;
import org.vigil.storage.SessionEvent;
import org.vigil.storage.StationStore;
import org.vigil.storage.VigilDatabase;
import org.vigil.storage.WriterListener;

/** A session signed at the station reaches a listening interface engine as one ORU^R01, and is marked acknowledged. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InterfaceEngineLinkTest {

    @TempDir
    Path dir;

    @Test
    void aSignedSessionIsQueuedAndSentToTheEngine() throws Exception {
        Path file = dir.resolve("vigil.db");
        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        GeneratedSession g = new GeneratedSession(3, t0, Duration.ofMinutes(20), Duration.ofSeconds(30));
        StationStore store = StationStore.open(file, InstantSource.system(), new WriterListener() {
            @Override
            public void onFailure(Exception cause) {
            }

            @Override
            public void onRecovered() {
            }
        });
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    String msg = Mllp.read(in);
                    String id = msg.split("\r")[0].split("\\|")[9];
                    s.getOutputStream().write(Mllp.frame("MSH|^~\\&|E||V||x||ACK|1|P|2.6\rMSA|AA|" + id + "\r"));
                    s.getOutputStream().flush();
                    return msg;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long key = store.startSession(new NewSession("chair-1", t0, "1.0-test", false, List.of())
                    .withClinical(GeneratedSession.PATIENT, DoseCalculation.of(GeneratedSession.ORDER, SessionRules.DEFAULTS), t0));
            for (var e : g.events()) {
                store.writer().append(key, SessionEvent.from(e));
            }
            g.readings(r -> store.writer().append(key, r));
            store.endSession(key, g.end(), EndReason.CLOSED);
            InterfaceEngineLink link = InterfaceEngineLink.start(new InterfaceEngineConfig("127.0.0.1", server.getLocalPort(),
                    Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(2)), file, store,
                    InstantSource.system());
            try {
                link.signed(key);
                String msg = received.get(60, TimeUnit.SECONDS);
                assertTrue(msg.startsWith("MSH|^~\\&|VIGIL"), msg);
                assertTrue(msg.contains("PID|||MRN-0042^^^^MR||Doe^Jane"), msg);
                assertTrue(msg.contains("|150021^MDC_PRESS_BLD_NONINV_SYS^MDC^8480-6^"), "the cuff readings are in it");
            } finally {
                link.close();
            }
        } finally {
            store.close(Instant.now());
        }
        try (VigilDatabase db = VigilDatabase.open(file); OutboxStore outbox = db.outbox()) {
            // the ACK is recorded right after the listener answered; the link is closed, so it is written by now
            List<OutboxStore.Item> items = outbox.all();
            assertEquals(1, items.size());
            assertEquals("acknowledged", items.get(0).state());
        }
    }
}
