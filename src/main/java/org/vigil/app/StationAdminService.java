package org.vigil.app;

import java.io.IOException;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.LimitRule;
import org.vigil.config.ClinicLimitsFile;
import org.vigil.chair.ChairMonitor;
import org.vigil.chair.ClinicDefaultsResult;
import org.vigil.chair.LimitPolicy;
import org.vigil.chair.StationAdmin;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.AuditSink;
import org.vigil.access.Authorizer;
import org.vigil.access.Command;

/**
 * The station's admin functions: "save as clinic defaults", which writes the chair's thresholds to
 * the clinic limits file and puts them in force on every chair; admins only (the
 * {@link Authorizer} decides), audited.
 */
final class StationAdminService implements StationAdmin {

    private static final Logger log = LoggerFactory.getLogger(StationAdminService.class);

    private final AuditSink audit;
    private final ClinicLimitsFile file;
    private final LimitPolicy policy;
    private final Supplier<List<ChairMonitor>> chairs;
    private final InstantSource clock;
    /** The clinic defaults in force: the configuration's alarms with the clinic limits file, then each save. */
    private AlarmConfig defaults;

    /**
     * @param defaults the alarm settings the chairs started with
     */
    StationAdminService(ClinicLimitsFile file, LimitPolicy policy, AlarmConfig defaults,
            Supplier<List<ChairMonitor>> chairs, InstantSource clock, AuditSink audit) {
        this(file, policy, defaults, chairs, clock, audit, org.vigil.chair.DeviceSetup.UNAVAILABLE);
    }

    /** As above, with the device setup screen's station side. */
    StationAdminService(ClinicLimitsFile file, LimitPolicy policy, AlarmConfig defaults,
            Supplier<List<ChairMonitor>> chairs, InstantSource clock, AuditSink audit,
            org.vigil.chair.DeviceSetup deviceSetup) {
        this.deviceSetup = Objects.requireNonNull(deviceSetup, "deviceSetup");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.file = Objects.requireNonNull(file, "file");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.chairs = Objects.requireNonNull(chairs, "chairs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The device setup screen's station side. */
    private final org.vigil.chair.DeviceSetup deviceSetup;
    /** What the interface engine refused, for admins (the station fills it once its outbox runs). */
    private volatile Supplier<List<String>> engineNotices = List::of;

    void engineNotices(Supplier<List<String>> notices) {
        this.engineNotices = Objects.requireNonNull(notices, "notices");
    }

    @Override
    public List<String> interfaceEngineNotices() {
        return engineNotices.get();
    }

    @Override
    public org.vigil.chair.DeviceSetup deviceSetup() {
        return deviceSetup;
    }

    @Override
    public synchronized ClinicDefaultsResult saveClinicDefaults(String chairId, Actor actor) {
        Optional<String> no = Authorizer.refusal(actor, Command.CLINIC_DEFAULTS);
        if (no.isPresent()) {
            audit.record(new AuditEntry(clock.instant(), actor == null ? Actor.SYSTEM : actor, "command.refused",
                    "chair:" + chairId, java.util.Map.of("command", "clinic_defaults", "why", no.get())));
            return new ClinicDefaultsResult(false, no.get());
        }
        String user = actor.name();
        List<ChairMonitor> all = chairs.get();
        Optional<ChairMonitor> source = all.stream().filter(c -> c.chairId().equals(chairId)).findFirst();
        if (source.isEmpty()) {
            return new ClinicDefaultsResult(false, "unknown chair " + chairId);
        }
        AlarmConfig limits = source.get().requestedLimits();
        for (LimitRule r : limits.rules()) {
            Optional<LimitRule> before = defaults.rule(r.id());
            // A threshold the clinic defaults already had stays valid even if it was set in the configuration.
            if (before.isPresent() && before.get().threshold() == r.threshold()) {
                continue;
            }
            Optional<String> why = policy.refuse(r, r.threshold());
            if (why.isPresent()) {
                return new ClinicDefaultsResult(false, r.id() + ": " + why.get());
            }
        }
        try {
            file.write(limits, user + " from " + chairId, clock.instant());
        } catch (IOException | RuntimeException e) {
            log.error("could not save the clinic defaults to {}", file.path(), e);
            return new ClinicDefaultsResult(false, "could not write " + file.path() + ": " + e.getMessage());
        }
        audit.record(new AuditEntry(clock.instant(), actor, "limits.clinic_defaults", "chair:" + chairId,
                java.util.Map.of("file", String.valueOf(file.path().getFileName()))));
        AlarmConfig previous = defaults;
        defaults = limits;
        for (ChairMonitor c : all) {
            c.applyClinicLimits(limits, previous, user);
        }
        log.info("clinic defaults saved by {} from chair {} to {}; applied to {} chair(s)", user, chairId, file.path(),
                all.size());
        return new ClinicDefaultsResult(true, "Saved as clinic defaults (" + file.path() + "); in force on "
                + all.size() + (all.size() == 1 ? " chair" : " chairs"));
    }
}
