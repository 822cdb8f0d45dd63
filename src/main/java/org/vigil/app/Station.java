package org.vigil.app;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmEngine;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.alarm.Priority;
import org.vigil.alarm.TechnicalAlarmType;
import org.vigil.alarm.audio.AlarmSoundPlayer;
import org.vigil.alarm.audio.JavaSoundOutput;
import org.vigil.alarm.audio.UnavailableListener;
import org.vigil.config.ChairConfig;
import org.vigil.config.ClinicLimitsFile;
import org.vigil.config.DeviceConfig;
import org.vigil.config.ListenEndpoint;
import org.vigil.config.SerialPortEndpoint;
import org.vigil.config.SimulatedEndpoint;
import org.vigil.config.StationConfig;
import org.vigil.config.TcpEndpoint;
import org.vigil.device.DeviceConnection;
import org.vigil.device.MllpListeners;
import org.vigil.device.transport.SerialTransport;
import org.vigil.device.transport.TcpTransport;
import org.vigil.device.transport.Transport;
import org.vigil.chair.ChairMonitor;
import org.vigil.chair.ChairSpec;
import org.vigil.chair.DeviceInfo;
import org.vigil.chair.LimitPolicy;
import org.vigil.chair.StationAdmin;
import org.vigil.chair.StationMonitor;
import org.vigil.sim.scenario.ScenarioException;
import org.vigil.chair.SessionRecorder;
import org.vigil.chair.SessionRecords;
import org.vigil.storage.EndReason;
import org.vigil.storage.NewSession;
import org.vigil.storage.SessionRepository;
import org.vigil.storage.VigilDatabase;
import org.vigil.storage.RecordingWriter;
import org.vigil.storage.SessionDevice;
import org.vigil.storage.SessionEvent;
import org.vigil.storage.StationStore;
import org.vigil.storage.WriterListener;

/**
 * The wiring of a running station: configuration in, chairs out. It starts one session per chair
 * (recorded through a {@link StationStore}, so that monitoring starts whatever the state of the
 * database file: a problem is the station alarm "recording unavailable"), creates the simulated devices' pseudo-terminals, connects every
 * device through jSerialComm (or TCP) on its own connect threads, runs the single core thread and
 * the timer, and plays alarm sounds. Closing it ends the sessions and flushes everything to disk.
 */
public final class Station implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Station.class);
    static final Duration TICK = Duration.ofMillis(100);
    static final Duration RECONNECT = Duration.ofSeconds(2);
    /** The longest start waits for the first attempt to open the database (a hung network drive). */
    static final Duration FIRST_OPEN = Duration.ofSeconds(2);

    private final StationConfig config;
    private final InstantSource clock;
    private final ExecutorService core;
    private final ScheduledExecutorService timer;
    /** Opens ports and retries them; never the timer, since opening a TCP endpoint can block for seconds. */
    private final ScheduledExecutorService connector;
    private final TransportFactory transports;
    private final StationStore store;
    private final RecordingWriter writer;
    private final List<ChairMonitor> chairs = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Long> sessions = new ArrayList<>();
    private final List<ChairRecordBook> chairRecords = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Runnable> tickListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<DeviceConnection> connections = new ArrayList<>();
    /** The chair and protocol of each of {@link #connections}, same order. */
    private final List<Owner> connectionOwners = new ArrayList<>();
    /** Raw capture files, once a device asks for one. */
    private org.vigil.device.RawCaptureFiles captures;
    private final List<SimulatedDevices> simulators = new ArrayList<>();
    private final AlarmSoundPlayer sound;
    private final LimitPolicy limitPolicy;
    private final StationAdminService admin;
    /** The station-wide alarms (audio unavailable, recording failed): once for the station, never a chair's. */
    private final StationMonitor stationAlarms;
    /** Chairs whose sessions record the station alarm events; changed and read on the core thread only. */
    private final List<ChairMonitor> recordingStationAlarms = new ArrayList<>();
    private volatile boolean closed;
    private final StartOptions options;
    /** Restart after a crash: each chair's alarm settings saved, restored, forgotten at a normal close. */
    private AlarmSettingsKeeper settings;
    private volatile List<StationStore.Outcome> outcomes = List.of();
    /** Why recording is unavailable now, or null while it works. */
    private volatile String recordingProblem;
    /** Where the session database's key comes from; the audit trail opens the database with it too. */
    private final org.vigil.storage.DatabaseKeys keys = org.vigil.storage.DatabaseKeys.standard();
    /** The hash-chained audit trail in the session database (its own writer thread; never blocks a caller). */
    private final org.vigil.security.AuditTrail audit;

    /** Where the bytes of a configured device come from (tests put fake ports here). */
    @FunctionalInterface
    interface TransportFactory {
        Supplier<Transport> transportFor(DeviceConfig device, SimulatedDevices simulators);
    }

    private Station(StationConfig config, InstantSource clock, boolean audio, TransportFactory transports,
            StartOptions options) {
        this.config = config;
        this.options = options;
        this.clock = clock;
        this.transports = transports;
        this.core = Executors.newSingleThreadExecutor(daemon("vigil-core"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("vigil-timer"));
        // One thread per device at most, so an endpoint that hangs in open delays no other device.
        int devices = config.chairs().stream().mapToInt(c -> c.devices().size()).sum();
        this.connector = Executors.newScheduledThreadPool(Math.max(1, devices), numbered("vigil-connect-"));
        this.limitPolicy = new ClinicLimitPolicy(config.bounds());
        this.audit = org.vigil.security.AuditTrail.start(config.database(), keys, clock);
        this.admin = new StationAdminService(ClinicLimitsFile.in(config.dataDir()), limitPolicy, config.alarms(),
                this::chairs, clock, audit, StationDeviceSetup.of(config, org.vigil.device.ProtocolRegistry.standard(), clock));
        this.stationAlarms = new StationMonitor(config.alarms(), clock, core, audit);
        // each chair's session records the station's alarm events too; the chairs never show them
        stationAlarms.addAlarmListener(e -> recordingStationAlarms.forEach(c -> c.recordStationAlarm(e)));
        stationAlarms.addAlarmListener(e -> options.alarmTap().accept(AlarmEngine.STATION, e));
        // Never throws for a storage problem: the writer thread opens the file and retries it. A patient's
        // session left open by a crash or a close resumes on the same chair, in the same row: the chairs are
        // named before the writer's first attempt, which leaves their open sessions open.
        this.store = StationStore.open(config.database(), clock, new WriterListener() {
            @Override
            public void onFailure(Exception cause) {
                // short, naming the file by its name (the store logs the full path)
                recordingProblem = String.valueOf(cause.getMessage());
                stationAlarms.fault(TechnicalAlarmType.RECORDING_FAILED, true, recordingProblem);
            }

            @Override
            public void onRecovered() {
                recordingProblem = null;
                stationAlarms.fault(TechnicalAlarmType.RECORDING_FAILED, false, null);
            }
        }, config.chairs().stream().map(ChairConfig::id).collect(java.util.stream.Collectors.toSet()));
        this.writer = store.writer();
        this.engineLink = InterfaceEngineLink.start(config.interfaceEngine(), config.database(), store, clock);
        this.admin.engineNotices(this::interfaceEngineNotices);
        this.sound = audio ? new AlarmSoundPlayer(new JavaSoundOutput(), new UnavailableListener() {
            @Override
            public void onUnavailable(String reason) {
                // the player logs the full reason; the screen gets a short one
                stationAlarms.fault(TechnicalAlarmType.AUDIO_UNAVAILABLE, true, "no sound output device");
            }

            @Override
            public void onAvailable() {
                stationAlarms.fault(TechnicalAlarmType.AUDIO_UNAVAILABLE, false, null);
            }
        }) : null;
        if (sound != null) {
            stationAlarms.addSnapshotListener(snap -> playLoudest());
        }
    }

    /**
     * Starts the station described by {@code config}.
     *
     * @param audio play alarm sounds (false for the headless recorder)
     */
    public static Station start(StationConfig config, InstantSource clock, boolean audio)
            throws IOException, ScenarioException {
        return start(config, clock, audio, StartOptions.DEFAULT);
    }

    /** As {@link #start(StationConfig, InstantSource, boolean)}, with a restore window and an alarm tap. */
    static Station start(StationConfig config, InstantSource clock, boolean audio, StartOptions options)
            throws IOException, ScenarioException {
        // one HL7 listening port is shared by the chairs set to it, each taking its bed's messages
        MllpListeners hl7 = new MllpListeners("0.0.0.0", clock.withZone(java.time.ZoneId.systemDefault()));
        TransportFactory transports = (d, sims) -> d.endpoint() instanceof ListenEndpoint l
                ? hl7.transport(l.port(), l.bed()) : transportFor(d, sims);
        return start(config, clock, audio, transports, options);
    }

    /** As {@link #start(StationConfig, InstantSource, boolean)}, with the devices' ports made by {@code transports}. */
    static Station start(StationConfig config, InstantSource clock, boolean audio, TransportFactory transports)
            throws IOException, ScenarioException {
        return start(config, clock, audio, transports, StartOptions.DEFAULT);
    }

    static Station start(StationConfig config, InstantSource clock, boolean audio, TransportFactory transports,
            StartOptions options) throws IOException, ScenarioException {
        Station s = new Station(config, clock, audio, transports, options);
        try {
            s.settings = AlarmSettingsKeeper.open(s.store, config.database(), clock, options.restoreWindow(), FIRST_OPEN);
            boolean opened = s.store.everOpened();
            List<SessionRepository.OpenSession> open = opened ? s.store.openClinicalAtOpen() : List.of();
            for (ChairConfig chair : config.chairs()) {
                s.startChair(chair, open.stream().filter(o -> o.chairId().equals(chair.id())).toList());
            }
            if (opened) {
                s.store.stopResuming();
            } else {
                // the database opens later: its open sessions resume then, on chairs still free
                s.store.whenOpened(late -> s.core.execute(() -> late.forEach(s::resumeLate)));
            }
        } catch (IOException | ScenarioException | RuntimeException e) {
            s.close();
            throw e;
        }
        s.audit.record(new org.vigil.domain.AuditEntry(clock.instant(), org.vigil.domain.Actor.SYSTEM, "station.started", "",
                java.util.Map.of("version", VersionInfo.version(), "chairs", Integer.toString(config.chairs().size()))));
        s.timer.scheduleAtFixedRate(s::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        // monitoring runs already; a database that cannot be opened is on the station strip before start returns
        try {
            s.writer.awaitFirstAttempt(FIRST_OPEN);
            s.drainCore();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return s;
    }

    private void startChair(ChairConfig chair, List<SessionRepository.OpenSession> open)
            throws IOException, ScenarioException {
        List<DeviceConfig> simulatedDevices = chair.devices().stream().filter(d -> d.endpoint() instanceof SimulatedEndpoint).toList();
        SimulatedDevices sims = simulatedDevices.isEmpty() ? null : SimulatedDevices.start(simulatedDevices);
        if (sims != null) {
            simulators.add(sims);
        }
        List<ChairSpec.Device> devices = new ArrayList<>();
        List<SessionDevice> sessionDevices = new ArrayList<>();
        for (DeviceConfig d : chair.devices()) {
            boolean simulated = d.endpoint() instanceof SimulatedEndpoint;
            String endpoint = simulated ? "simulated on " + sims.portFor(d.id()) : d.endpoint().describe();
            devices.add(new ChairSpec.Device(
                    new DeviceInfo(d.id(), d.label(), d.protocol().key(), endpoint, d.vitals(), simulated),
                    new DeviceAlarmProfile(d.id(), d.label(), d.silenceTimeout(), d.nibpInterval(), d.sameArmAs())));
            sessionDevices.add(new SessionDevice(d.id(), d.label(), d.protocol().key(), endpoint));
        }
        boolean allSimulated = chair.simulated();
        NewSession base = new NewSession(chair.id(), clock.instant(), VersionInfo.version(), allSimulated, sessionDevices);
        ChairRecordBook records = new ChairRecordBook(store, base, this::alarmSettingsEvent, config.alarms());
        records.signed = key -> {
            lastSigned.put(chair.id(), key);
            if (engineLink != null) {
                engineLink.signed(key);
            }
        };
        SessionRepository.OpenSession resumed = open.isEmpty() ? null : open.get(open.size() - 1);
        for (SessionRepository.OpenSession older : open) {
            if (older != resumed) {
                // two open sessions on one chair cannot both go on: the older one ends here
                store.endSession(store.resumeSession(older.id(), base), clock.instant(), EndReason.ENDED_ABNORMALLY);
            }
        }
        long sessionId;
        if (resumed != null) {
            sessionId = resumeRecord(resumed, base, clock.instant());
        } else {
            sessionId = store.startSession(base);
            // The alarm settings in force when the session starts, so every later change is auditable against them.
            writer.append(sessionId, alarmSettingsEvent(config.alarms()));
        }
        records.current = sessionId;
        sessions.add(sessionId);
        chairRecords.add(records);
        ChairMonitor monitor = new ChairMonitor(new ChairSpec(chair.id(), chair.label(), allSimulated, devices),
                config.alarms(), clock, core, new DatabaseRecorder(writer, sessionId), limitPolicy, config.sessionRules(),
                records, audit);
        records.monitor = monitor;
        if (resumed != null) {
            monitor.resumeClinical(resumed.patient(), resumed.order(), resumed.events(), resumed.cuffs());
            log.warn("chair {}: session {} resumed after {} s without the station", chair.id(), resumed.id(),
                    Duration.between(resumed.lastActivity(), clock.instant()).toSeconds());
        }
        if (sound != null) {
            monitor.addSnapshotListener(snap -> playLoudest());
        }
        chairs.add(monitor);
        monitor.addAlarmListener(e -> options.alarmTap().accept(chair.id(), e));
        settings.attach(monitor, () -> records.current,
                resumed == null ? java.util.Set.of() : java.util.Set.of(resumed.id()), this::drainCore);
        core.execute(() -> {
            // a station alarm raised before this session began is in its record from the start
            for (ActiveAlarm a : stationAlarms.alarms().alarms()) {
                monitor.recordStationAlarm(new AlarmEvent(clock.instant(), AlarmEventType.RAISED, a.id(), a.priority(),
                        a.kind(), a.parameter(), null, null, a.message() + " (present when the session started)", null));
            }
            recordingStationAlarms.add(monitor);
        });
        for (DeviceConfig d : chair.devices()) {
            Supplier<Transport> transport = transports.transportFor(d, sims);
            DeviceConnection c = new DeviceConnection(d.id(), transport, d.protocol(), clock, monitor,
                    connector, RECONNECT, rawTap(chair.id(), d));
            connections.add(c);
            connectionOwners.add(new Owner(chair.id(), d.protocol().key()));
            connector.execute(c::start);
        }
        log.info("chair {} ({}) session started (key {}) with {} device(s){}", chair.id(), chair.label(), sessionId,
                devices.size(), allSimulated ? ", SIMULATED" : "");
    }

    /**
     * The raw capture of a device with {@code raw_capture: true}: a new file in
     * {@code <data folder>/captures/}, named by chair, device and start time (UTC); none otherwise,
     * and none (logged) if the file cannot be created: monitoring never depends on it.
     */
    private org.vigil.device.RawTap rawTap(String chairId, DeviceConfig d) {
        if (!d.rawCapture()) {
            return org.vigil.device.RawTap.NONE;
        }
        Instant now = clock.instant();
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC)
                .format(now);
        java.nio.file.Path file = config.dataDir().resolve("captures").resolve(chairId + "-" + d.id() + "-" + stamp + ".vraw");
        try {
            synchronized (this) {
                if (captures == null) {
                    captures = new org.vigil.device.RawCaptureFiles();
                }
            }
            return captures.open(file, new org.vigil.device.transport.RawCapture.Header(d.protocol().key(), d.id(), now));
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("device {}: raw capture not started ({}: {})", d.id(), file, e.toString());
            return org.vigil.device.RawTap.NONE;
        }
    }

    private SessionEvent alarmSettingsEvent(org.vigil.alarm.AlarmConfig alarms) {
        return SessionEvent.from(org.vigil.domain.RecordedEvent.of(clock.instant(),
                org.vigil.domain.SessionEventType.ALARM_SETTINGS,
                java.util.Map.of("summary", AlarmSettingsText.describe(alarms, config.source())), null));
    }

    /** Carries on recording into an open session's row; its first new row is the {@code resumed} event with the gap. */
    private long resumeRecord(SessionRepository.OpenSession o, NewSession base, Instant now) {
        long key = store.resumeSession(o.id(), base.withClinical(o.patient(),
                org.vigil.session.DoseCalculation.of(o.order(), config.sessionRules()), o.start()));
        java.util.Map<String, String> gap = new java.util.LinkedHashMap<>();
        gap.put("gap_start", o.lastActivity().toString());
        gap.put("gap_end", now.toString());
        gap.put("gap_s", Long.toString(Duration.between(o.lastActivity(), now).toSeconds()));
        writer.append(key, SessionEvent.from(org.vigil.domain.RecordedEvent.of(now,
                org.vigil.domain.SessionEventType.RESUMED, gap, null)));
        return key;
    }

    /**
     * A clinical session found open when the database opened after the chairs had started: it
     * resumes on its chair when the chair is still free, else it is ended abnormally (a patient
     * was checked in meanwhile). Core thread.
     */
    private void resumeLate(SessionRepository.OpenSession o) {
        ChairRecordBook records = chairRecords.stream().filter(r -> r.base.chairId().equals(o.chairId())).findFirst()
                .orElse(null);
        if (records == null || records.monitor == null) {
            return;
        }
        Instant now = clock.instant();
        long key = resumeRecord(o, records.base, now);
        long before = records.current;
        records.monitor.resumeClinical(o.patient(), o.order(), o.events(), o.cuffs(), new DatabaseRecorder(writer, key), () -> {
            store.endSession(before, now, EndReason.CLOSED);
            records.current = key;
        }).thenAccept(resumed -> {
            if (!resumed) {
                log.warn("chair {}: session {} could not resume (another patient is in the chair); ended abnormally",
                        o.chairId(), o.id());
                store.endSession(key, now, EndReason.ENDED_ABNORMALLY);
            }
        });
    }

    /** The store key of the session last signed (discharged) at each chair since the station started. */
    private final java.util.Map<String, Long> lastSigned = new java.util.concurrent.ConcurrentHashMap<>();

    /** The database id of the session last signed at {@code chairId}, once the recorder has created it. */
    public Optional<Long> lastSignedSession(String chairId) {
        Long key = lastSigned.get(chairId);
        return key == null ? Optional.empty() : store.sessionId(key);
    }

    /** Waits until the recorder has written what it was given (an export reads the session right after). */
    void flushRecords(Duration timeout) throws InterruptedException {
        store.flush(timeout);
    }

    /** Sends signed sessions to the clinic's interface engine; null when none is configured. */
    private volatile InterfaceEngineLink engineLink;

    /** What the interface engine refused (AE/AR) with its words, for an admin; empty when none is configured. */
    public List<String> interfaceEngineNotices() {
        InterfaceEngineLink l = engineLink;
        return l == null ? List.of() : l.notices();
    }

    /** The clinic's patients, on a connection of the station's own; null until the database can be used. */
    private VigilDatabase patientDb;
    private volatile org.vigil.session.PatientDirectory patients;

    private org.vigil.session.PatientDirectory openPatients(java.nio.file.Path file) {
        try {
            patientDb = VigilDatabase.open(file);
            return patientDb.sessions().patients();
        } catch (RuntimeException e) {
            log.error("patients cannot be read or created: {}", e.getMessage(), e);
            return null;
        }
    }

    private volatile org.vigil.security.Accounts accounts;
    private org.vigil.storage.AccountStore accountStore;

    /**
     * The station's user accounts (logins, the first admin, user management, emergency access);
     * empty while the session database cannot be used.
     */
    public synchronized Optional<org.vigil.security.Accounts> accounts() {
        if (accounts == null && !closed && patients().isPresent()) {
            try {
                accountStore = patientDb.accounts();
                accounts = new org.vigil.security.Accounts(accountStore, org.vigil.security.PasswordHasher.standard(),
                        audit, clock);
                config.admin().ifPresent(pin -> adoptAdminPin(accounts, pin));
            } catch (RuntimeException e) {
                log.error("user accounts cannot be read: {}", e.getMessage(), e);
            }
        }
        return Optional.ofNullable(accounts);
    }

    /**
     * The shared admin PIN of an older configuration becomes the first admin's quick PIN (login
     * {@code admin}, hashed), once, when no account exists; either way the station says to remove
     * it from the file.
     */
    private void adoptAdminPin(org.vigil.security.Accounts a, org.vigil.config.AdminPin pin) {
        String file = config.source() == null ? "the configuration" : config.source().toString();
        if (a.adoptAdminPin(pin.secretForMigration()).done()) {
            log.warn("station.admin_pin became the quick PIN of the admin account 'admin' (hashed in the database):"
                    + " log in as admin with it, then remove admin_pin from {}", file);
        } else {
            log.warn("station.admin_pin is no longer used (user accounts replaced it): remove it from {}", file);
        }
    }

    /** Where screens find and create patients; empty while the session database cannot be used. */
    public synchronized Optional<org.vigil.session.PatientDirectory> patients() {
        if (patients == null && !closed && store.everOpened()) {
            patients = openPatients(config.database());
        }
        return Optional.ofNullable(patients);
    }

    /** Past sessions for the Review screen, on a connection of their own; null until the database can be used. */
    private VigilDatabase archiveDb;
    private volatile org.vigil.review.SessionArchive archive;

    /** The archive of past sessions (Review screen); empty while the session database cannot be used. */
    public synchronized Optional<org.vigil.review.SessionArchive> archive() {
        if (archive == null && !closed && store.everOpened()) {
            try {
                archiveDb = VigilDatabase.open(config.database());
                archive = new org.vigil.review.SessionArchive(archiveDb);
            } catch (RuntimeException e) {
                log.error("past sessions cannot be read: {}", e.getMessage(), e);
            }
        }
        return Optional.ofNullable(archive);
    }

    private static Supplier<Transport> transportFor(DeviceConfig d, SimulatedDevices sims) {
        if (d.endpoint() instanceof SimulatedEndpoint) {
            String path = sims.portFor(d.id());
            return () -> new SerialTransport(path, d.serial());
        }
        if (d.endpoint() instanceof SerialPortEndpoint p) {
            return () -> new SerialTransport(p.path(), d.serial());
        }
        if (d.endpoint() instanceof TcpEndpoint t) {
            return () -> new TcpTransport(t.host(), t.port());
        }
        throw new IllegalArgumentException("device " + d.id() + ": unsupported endpoint " + d.endpoint().describe());
    }

    private void tick() {
        for (ChairMonitor c : chairs) {
            c.tick();
        }
        stationAlarms.tick();
        for (Runnable l : tickListeners) {
            l.run();
        }
    }

    /** Runs {@code l} on the timer thread after each tick has been handed to the chairs (tests, benchmarks). */
    void addTickListener(Runnable l) {
        tickListeners.add(l);
    }

    /** The loudest audible alarm of the station: any chair's or a station-wide one. */
    private void playLoudest() {
        Optional<Priority> loudest = java.util.stream.Stream.concat(chairs.stream().map(ChairMonitor::alarms),
                        java.util.stream.Stream.of(stationAlarms.alarms()))
                .map(AlarmSnapshot::audiblePriority)
                .flatMap(Optional::stream)
                .max(Enum::compareTo);
        sound.play(loudest);
    }

    /** Complete frames received from all devices so far. */
    public long framesReceived() {
        return connections.stream().mapToLong(DeviceConnection::frames).sum();
    }

    /** Bytes the devices' decoders skipped as garbage so far, all devices. */
    public long discardedBytes() {
        return connections.stream().mapToLong(DeviceConnection::discardedBytes).sum();
    }

    /**
     * Each device's link counters now, in configuration order (benchmarks and tests): frames
     * decoded on the chair's link, and the bytes its decoder skipped before and after its first frame.
     */
    List<DeviceTally> deviceTallies() {
        List<DeviceTally> tallies = new ArrayList<>(connections.size());
        for (int i = 0; i < connections.size(); i++) {
            DeviceConnection c = connections.get(i);
            Owner owner = connectionOwners.get(i);
            long before = c.discardedBeforeFirstFrame();
            tallies.add(new DeviceTally(owner.chairId(), c.deviceId(), owner.protocol(), c.state(), c.frames(), before,
                    c.discardedBytes() - before));
        }
        return tallies;
    }

    private record Owner(String chairId, String protocol) {
    }

    /** One device's link counters: see {@link #deviceTallies()}. */
    record DeviceTally(String chairId, String deviceId, String protocol, org.vigil.device.LinkState state, long frames,
            long skippedBeforeFirstFrame, long skippedAfterFirstFrame) {
    }

    /** The running chairs, in configuration order. */
    public List<ChairMonitor> chairs() {
        return List.copyOf(chairs);
    }

    /** The station-wide alarms (audio unavailable, recording failed), shown once in the station strip. */
    public StationMonitor stationAlarms() {
        return stationAlarms;
    }

    /**
     * The audit trail: review, export and access record who did what here (an append-only,
     * hash-chained table; {@code vigil verify-audit} checks it).
     */
    public org.vigil.domain.AuditSink audit() {
        return audit;
    }

    /** The audit trail's read side for auditors and admins (role-checked, each read itself recorded). */
    public org.vigil.security.AuditReader auditReader() {
        return org.vigil.security.AuditReader.of(config.database(), keys, audit, clock);
    }

    /** Blocks until every audit entry recorded so far is written (tests), at most {@code timeout}. */
    boolean flushAudit(Duration timeout) throws InterruptedException {
        return audit.flush(timeout);
    }

    /** The admin functions for the screens (PIN check, save as clinic defaults). */
    public StationAdmin admin() {
        return admin;
    }

    public StationConfig config() {
        return config;
    }

    /** Blocks until everything recorded so far is on disk (tests, shutdown). */
    public void flush() throws InterruptedException {
        drainCore();
        writer.flush();
        settings.flush();
    }

    private void drainCore() throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        core.execute(done::countDown);
        done.await(5, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.shutdownNow();
        connector.shutdownNow();
        connections.forEach(DeviceConnection::close);
        synchronized (this) {
            if (captures != null) {
                captures.close();
            }
        }
        simulators.forEach(SimulatedDevices::close);
        try {
            drainCore();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        core.shutdown();
        // a normal close: the next start of these chairs uses the clinic's settings
        if (settings != null) {
            settings.closeNormally(chairs);
        }
        if (sound != null) {
            sound.close();
        }
        // writes what it can, then ends each session: closed, or marked with the gap and the lost rows
        if (engineLink != null) {
            engineLink.close();
        }
        outcomes = List.copyOf(store.close(clock.instant()));
        synchronized (this) {
            if (accountStore != null) {
                accountStore.close();
            }
            if (patientDb != null) {
                patientDb.close();
            }
            if (archiveDb != null) {
                archiveDb.close();
            }
        }
        audit.record(new org.vigil.domain.AuditEntry(clock.instant(), org.vigil.domain.Actor.SYSTEM, "station.stopped", "",
                java.util.Map.of()));
        audit.close();
        log.info("station closed; {} in {}", outcomes.stream().map(StationStore.Outcome::describe).toList(),
                config.database());
    }

    /**
     * What became of each chair's session at {@link #close()} (empty before): saved, incomplete
     * (rows lost, marked with a gap) or not recorded, for the console's last words.
     */
    public List<StationStore.Outcome> recordingOutcomes() {
        return outcomes;
    }

    /** Why the session database cannot be written now ("recording unavailable"), if it cannot. */
    public Optional<String> recordingProblem() {
        return Optional.ofNullable(recordingProblem);
    }

    /** The database id of the record a chair writes to now, once it exists in the file (tests). */
    Optional<Long> currentSessionIdOf(int chairIndex) {
        return store.sessionId(chairRecords.get(chairIndex).current);
    }

    /** The database id of a chair's first session once it exists in the file (tests). */
    Optional<Long> sessionIdOf(int chairIndex) {
        return store.sessionId(sessions.get(chairIndex));
    }

    private static java.util.concurrent.ThreadFactory numbered(String prefix) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
