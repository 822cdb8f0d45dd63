package org.vigil.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's recording whatever the state of its database file: monitoring never waits for
 * the disk. {@link #startSession} returns a session key at once; readings and events are appended
 * with that key to the {@link #writer()}, whose bounded queue holds them while the database
 * cannot be opened or written. The writer thread opens the file (and retries at every flush
 * interval), recovers sessions left open by a crash, creates the waiting sessions with their
 * original start times, and only then writes their rows.
 *
 * <p>Before every commit the writer checks that the path still names the file it opened (same
 * file key, i.e. device and inode). A file removed or replaced under the station is never written
 * again: recording stays unavailable and the rows stay queued, up to the writer's capacity, then
 * are counted as lost. A file that is not an SQLite database, or has a newer schema, is refused
 * and left untouched. Every problem reaches the {@link WriterListener} (the station's "recording
 * unavailable" alarm).
 *
 * <p>At {@link #close(Instant)} a session whose rows were all written ends {@code closed}; one that
 * lost rows gets a {@link SessionEvent#RECORDING_GAP} event with the count and ends
 * {@code ended_abnormally}. See {@code docs/decisions/0017-monitoring-without-the-disk.md}.
 */
public final class StationStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StationStore.class);

    private volatile List<Long> recoveredAtOpen = List.of();
    private volatile boolean everOpened;

    /** What became of one session's recording at close. */
    public record Outcome(String chairId, Long sessionId, long lostRows, String problem, boolean leftOpen) {

        public Outcome(String chairId, Long sessionId, long lostRows, String problem) {
            this(chairId, sessionId, lostRows, problem, false);
        }

        /** Every row written and the session ended {@code closed}. */
        public boolean saved() {
            return sessionId != null && lostRows == 0 && problem == null;
        }

        /** One line for the console, e.g. {@code chair-1: session 4 saved}. */
        public String describe() {
            if (saved() && leftOpen) {
                return chairId + ": session " + sessionId + " saved and left open (resumes at the next start)";
            }
            if (saved()) {
                return chairId + ": session " + sessionId + " saved";
            }
            String s = chairId + ": " + (sessionId == null ? "session NOT recorded" : "session " + sessionId + " INCOMPLETE");
            if (lostRows > 0) {
                s += ", " + lostRows + " rows lost";
            }
            return problem == null ? s : s + " (" + problem + ")";
        }
    }

    private static final class Slot {
        final NewSession session;
        volatile Long id;
        /** Ended while the station runs (a discharge, a chair's between-sessions record at check-in). */
        volatile boolean ended;

        Slot(NewSession session) {
            this.session = session;
        }

        boolean clinical() {
            return session.clinical() != null;
        }
    }

    /** Chairs whose open clinical sessions the station resumes (cleared once it has decided). */
    private volatile java.util.Set<String> resumingChairs = java.util.Set.of();
    private volatile List<SessionRepository.OpenSession> openAtOpen = List.of();

    private final Path file;
    private final InstantSource clock;
    private final List<Slot> slots = new CopyOnWriteArrayList<>();
    private final RecordingWriter writer;
    /** Written on the writer thread (and read at close, after the writer stopped). */
    private volatile VigilDatabase db;
    private volatile Object identity;
    /** Why the opened file can no longer be written (removed, replaced); recording never resumes. */
    private volatile String lostFile;

    /** A store with the writer's default interval, capacity and close timeout. */
    public static StationStore open(Path file, InstantSource clock, WriterListener listener) {
        return open(file, clock, listener, java.util.Set.of());
    }

    /**
     * As {@link #open(Path, InstantSource, WriterListener)}, leaving the open clinical sessions of
     * {@code resumingChairs} open at the first open of the file (see {@link #resumeChairs}). Given
     * here, before the writer thread starts, so its first attempt cannot run before it is known.
     */
    public static StationStore open(Path file, InstantSource clock, WriterListener listener,
            java.util.Set<String> resumingChairs) {
        return new StationStore(file, clock, RecordingWriter.DEFAULT_FLUSH_INTERVAL, RecordingWriter.DEFAULT_CAPACITY,
                RecordingWriter.CLOSE_TIMEOUT, listener, c -> c, resumingChairs);
    }

    /** @param seam wraps the writer's way to the file (tests inject failing writes with it) */
    StationStore(Path file, InstantSource clock, Duration interval, int capacity, Duration closeTimeout,
            WriterListener listener, java.util.function.UnaryOperator<BatchCommitter.Connector> seam) {
        this(file, clock, interval, capacity, closeTimeout, listener, seam, java.util.Set.of());
    }

    private StationStore(Path file, InstantSource clock, Duration interval, int capacity, Duration closeTimeout,
            WriterListener listener, java.util.function.UnaryOperator<BatchCommitter.Connector> seam,
            java.util.Set<String> resumingChairs) {
        this.resumingChairs = java.util.Set.copyOf(resumingChairs);
        this.file = file.toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = new RecordingWriter(seam.apply(new Link()), interval, capacity, closeTimeout, listener);
    }

    /**
     * Registers a session; it is created in the database as soon as the database can be written,
     * with its original start time. Returns the key to append its rows with. Never blocks.
     */
    public synchronized long startSession(NewSession session) {
        slots.add(new Slot(Objects.requireNonNull(session, "session")));
        return slots.size();
    }

    /**
     * Carries on recording into an existing session row (a clinical session resumed after a crash
     * or a close); returns its key. Never blocks.
     */
    public synchronized long resumeSession(long sessionId, NewSession session) {
        Slot s = new Slot(Objects.requireNonNull(session, "session"));
        s.id = sessionId;
        slots.add(s);
        return slots.size();
    }

    /**
     * Ends a session's record once every row appended for it so far is written (a discharge; a
     * chair's between-sessions record when a patient checks in). Never blocks.
     */
    public void endSession(long key, Instant at, EndReason reason) {
        Slot s = slots.get((int) key - 1);
        s.ended = true;
        writer.appendEnd(key, at, reason);
    }

    /**
     * Sets the chairs whose open clinical sessions will be resumed: the first open of the file
     * leaves those open (and lists them in {@link #openClinicalAtOpen()}) instead of ending them
     * abnormally. Call before the writer's first attempt can complete, i.e. right after
     * {@link #open}; {@link #stopResuming()} once the station has decided.
     */
    public void resumeChairs(java.util.Set<String> chairs) {
        resumingChairs = java.util.Set.copyOf(chairs);
    }

    /** No more resuming: a later first open ends every open session abnormally as before. */
    public void stopResuming() {
        resumingChairs = java.util.Set.of();
    }

    private java.util.function.Consumer<List<SessionRepository.OpenSession>> whenOpened;
    private boolean openedReported;

    /**
     * Hands {@code action} the open clinical sessions of the resuming chairs once the file is first
     * opened: at once (on the caller's thread) when it already is, else on the writer thread when
     * it opens. For a station that started its chairs before the database could be opened.
     */
    public void whenOpened(java.util.function.Consumer<List<SessionRepository.OpenSession>> action) {
        boolean now;
        synchronized (this) {
            now = openedReported;
            if (!now) {
                whenOpened = action;
            }
        }
        if (now) {
            action.accept(openAtOpen);
        }
    }

    /** The open clinical sessions of resuming chairs that the first open found (empty before, or none). */
    public List<SessionRepository.OpenSession> openClinicalAtOpen() {
        return openAtOpen;
    }

    /** The writer to append rows with, using the keys from {@link #startSession}. */
    public RecordingWriter writer() {
        return writer;
    }

    /** The database id of a session, once it has been created in the file. */
    public java.util.Optional<Long> sessionId(long key) {
        return java.util.Optional.ofNullable(slots.get((int) key - 1).id);
    }

    /** The database file. */
    /**
     * The sessions the first successful open found left without an end by a crash (and marked
     * ended abnormally); empty before the file could be opened.
     */
    public List<Long> recoveredAtOpen() {
        return recoveredAtOpen;
    }

    /** True once the writer has opened the file (it may have failed since). */
    public boolean everOpened() {
        return everOpened;
    }

    public Path file() {
        return file;
    }

    /** Blocks until every row appended so far is committed, or {@code timeout} passes; true when written. */
    public boolean flush(Duration timeout) throws InterruptedException {
        return writer.flush(timeout);
    }

    /**
     * Writes what it can (the writer gives up after its close timeout), then ends every session:
     * {@code closed} when nothing was lost, otherwise with a recording-gap event and
     * {@code ended_abnormally}. A session that cannot be ended stays open in the file and is
     * recovered as ended abnormally at the next start. Returns one outcome per session.
     */
    public List<Outcome> close(Instant end) {
        writer.close();
        Map<Long, Long> lost = writer.lostRows();
        Map<Long, Long> alreadyInGaps = writer.lostRowsInGapEvents();
        List<Outcome> out = new ArrayList<>();
        VigilDatabase d = db;
        String unavailable = lostFile;
        for (int i = 0; i < slots.size(); i++) {
            long key = i + 1;
            Slot slot = slots.get(i);
            long n = lost.getOrDefault(key, 0L);
            if (slot.ended) {
                // ended while the station ran (its end row went through the writer)
                if (n > 0) {
                    out.add(new Outcome(slot.session.chairId(), slot.id, n, "ended earlier; rows lost"));
                }
                continue;
            }
            if (slot.clinical() && slot.id != null && unavailable == null && d != null && n == 0) {
                // a patient's session stays open: the next start resumes it in the same row
                out.add(new Outcome(slot.session.chairId(), slot.id, 0, null, true));
                log.info("chair {}: clinical session {} left open; it resumes when the station starts again",
                        slot.session.chairId(), slot.id);
                continue;
            }
            if (slot.id == null || unavailable != null || d == null) {
                String why = unavailable != null ? unavailable : "the session database could not be written";
                out.add(new Outcome(slot.session.chairId(), slot.id, n, why));
                log.error("chair {}: {} not saved: {}; {} rows lost", slot.session.chairId(),
                        slot.id == null ? "session (never created in the file)" : "session " + slot.id, why, n);
                continue;
            }
            try {
                if (n == 0) {
                    d.sessions().endSession(slot.id, end, EndReason.CLOSED);
                    out.add(new Outcome(slot.session.chairId(), slot.id, 0, null));
                } else {
                    long unreported = n - alreadyInGaps.getOrDefault(key, 0L);
                    d.sessions().endIncomplete(slot.id, end, unreported <= 0 ? null : SessionEvent.of(end,
                            SessionEvent.RECORDING_GAP, Map.of("rows", Long.toString(unreported),
                                    "cause", "not written before the station stopped"), null));
                    out.add(new Outcome(slot.session.chairId(), slot.id, n, "marked with a recording gap"));
                    log.error("session {} lost {} rows; ended abnormally with a recording gap", slot.id, n);
                }
            } catch (RuntimeException e) {
                log.error("could not end session {}; it will be recovered as ended abnormally at the next start", slot.id, e);
                out.add(new Outcome(slot.session.chairId(), slot.id, n, "could not be ended: " + e.getMessage()));
            }
        }
        if (d != null) {
            d.close();
        }
        return out;
    }

    @Override
    public void close() {
        close(clock.instant());
    }

    /** The writer thread's way to the file: opens it, checks its identity, creates waiting sessions. */
    private final class Link implements BatchCommitter.Connector {

        @Override
        public Connection open() throws SQLException {
            return database().connect();
        }

        @Override
        public void prepare() throws SQLException {
            checkIdentity();
            for (Slot s : slots) {
                if (s.id == null) {
                    try {
                        s.id = db.sessions().startSession(s.session);
                    } catch (StorageException e) {
                        throw new SQLException(e.getMessage(), e);
                    }
                    log.info("chair {}: session {} created in {}", s.session.chairId(), s.id, file);
                }
            }
        }

        @Override
        public long resolve(long key) {
            Long id = slots.get((int) key - 1).id;
            if (id == null) {
                throw new IllegalStateException("session key " + key + " has no session yet");
            }
            return id;
        }

        private VigilDatabase database() throws SQLException {
            if (lostFile != null) {
                throw new SQLException(lostFile);
            }
            if (db != null) {
                return db;
            }
            VigilDatabase d;
            try {
                d = VigilDatabase.open(file);
            } catch (StorageException e) {
                log.debug("session database {} cannot be opened", file, e);
                throw new SQLException(brief(e), e);
            }
            try {
                identity = identityOf(file);
                java.util.Set<String> resuming = resumingChairs;
                if (!resuming.isEmpty()) {
                    openAtOpen = d.sessions().openClinicalSessions().stream()
                            .filter(o -> resuming.contains(o.chairId())).toList();
                }
                List<Long> recovered = d.sessions().recoverUnfinished(clock.instant(), resuming);
                recoveredAtOpen = List.copyOf(recovered);
                if (!recovered.isEmpty()) {
                    log.warn("sessions {} were left open by an earlier crash and are now marked ended abnormally", recovered);
                }
            } catch (IOException | RuntimeException e) {
                d.close();
                throw new SQLException("cannot use session database " + file + ": " + e.getMessage(), e);
            }
            db = d;
            everOpened = true;
            java.util.function.Consumer<List<SessionRepository.OpenSession>> late;
            synchronized (StationStore.this) {
                openedReported = true;
                late = whenOpened;
                whenOpened = null;
            }
            if (late != null) {
                try {
                    late.accept(openAtOpen);
                } catch (RuntimeException e) {
                    log.error("resuming the open sessions failed", e);
                }
            }
            return d;
        }

        private void checkIdentity() throws SQLException {
            Object now;
            try {
                now = identityOf(file);
            } catch (NoSuchFileException e) {
                now = null;
            } catch (IOException e) {
                throw new SQLException("cannot check session database " + file + ": " + e.getMessage(), e);
            }
            if (now == null || !now.equals(identity)) {
                lostFile = now == null
                        ? file.getFileName() + " was removed while the station ran"
                        : file.getFileName() + " was replaced by another file while the station ran";
                log.error("session database {}: {}; nothing more is written to it", file, lostFile);
                throw new SQLException(lostFile);
            }
        }
    }

    /**
     * A reason short enough for the station strip, naming the file or folder by its name (the
     * full message with the path stays in the log through the cause).
     */
    String brief(StorageException e) {
        String name = file.getFileName().toString();
        Path folder = file.getParent();
        String message = String.valueOf(e.getMessage());
        if (message.contains("wrong key, or not an SQLite file")) {
            return name + " does not open with the station's key (wrong key, or not an SQLite file); it is left untouched";
        }
        if (message.contains("its key is missing")) {
            return name + " is encrypted and its key is missing; it is left untouched";
        }
        if (message.contains("has schema version")) {
            return name + " is from a newer version of Vigil; it is left untouched";
        }
        if (message.contains("another program")) {
            return name + " belongs to another program; it is left untouched";
        }
        if (folder != null && Files.exists(folder) && !Files.isDirectory(folder)) {
            return "folder " + folder.getFileName() + " is a file";
        }
        if (folder != null && Files.isDirectory(folder) && !Files.isWritable(folder)) {
            return "folder " + folder.getFileName() + " is read-only";
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            return name + " is read-only";
        }
        return message.replace(file.toString(), name);
    }

    /** The file's key (device and inode where the platform has them), else its creation time. */
    private static Object identityOf(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.fileKey() != null ? a.fileKey() : a.creationTime();
    }
}
