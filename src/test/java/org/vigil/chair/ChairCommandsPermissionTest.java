package org.vigil.chair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.Reading;
import org.vigil.domain.Role;
import org.vigil.domain.Vital;
import org.vigil.access.Authorizer;
import org.vigil.access.Command;
import org.vigil.session.ActionResult;
import org.vigil.session.ClinicalEventKind;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.session.SessionRules;
import org.vigil.testsupport.EventsOnly;

/**
 * Every command a chair accepts, sent by every kind of actor: the chair itself refuses what the
 * {@link Authorizer} refuses (the screens only hide buttons), says why, and records the refusal in
 * the audit trail; what is allowed goes through to the session's own rules.
 */
class ChairCommandsPermissionTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Patient PATIENT = new Patient(0, "100234", "Doe, Jane", LocalDate.of(1980, 5, 2), 82.0, "");
    private static final InfusionOrder ORDER = new InfusionOrder(82, 0.5, 10, 40, "Dr Grey");

    private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    private final ChairMonitor chair = new ChairMonitor(
            new ChairSpec("c1", "Chair 1", true, List.of(new ChairSpec.Device(
                    new DeviceInfo("mon", "mon", "ivy", "test", Set.of(Vital.HR, Vital.NIBP_SYS, Vital.NIBP_DIA,
                            Vital.NIBP_MEAN, Vital.SPO2, Vital.PR), true),
                    new DeviceAlarmProfile("mon", "mon", Duration.ofSeconds(10), null, null)))),
            AlarmConfig.defaults(), () -> T0, Runnable::run, new EventsOnly((t, type, d, u) -> { }),
            LimitPolicy.PERMISSIVE, SessionRules.DEFAULTS, SessionRecords.NONE, audit::add);

    /** One way to send a command: what it answers (an ActionResult, LimitChange, BaselineChange or nothing). */
    private record Call(Command command, String name, BiFunction<ChairMonitor, Actor, Object> send) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Object join(CompletableFuture<ActionResult> f) {
        return f.join();
    }

    static List<Call> calls() {
        List<Call> c = new ArrayList<>();
        c.add(new Call(Command.ACKNOWLEDGE, "acknowledge", (m, a) -> {
            m.acknowledge(a);
            return null;
        }));
        c.add(new Call(Command.PAUSE_AUDIO, "pauseAudio", (m, a) -> {
            m.pauseAudio(a);
            return null;
        }));
        c.add(new Call(Command.SET_BASELINE, "setBaselineFromLastCuffReadings", ChairFeed::setBaselineFromLastCuffReadings));
        c.add(new Call(Command.SET_BASELINE, "setBaselineFromCuffReadings",
                (m, a) -> m.setBaselineFromCuffReadings(List.of(), a)));
        c.add(new Call(Command.SET_BASELINE, "setBaselineTyped", (m, a) -> m.setBaselineTyped("130", "85", a)));
        c.add(new Call(Command.CHANGE_LIMIT, "changeLimit", (m, a) -> m.changeLimit("hr.high", 110, a)));
        c.add(new Call(Command.ALARM_OFF_ON, "setAlarmEnabled", (m, a) -> m.setAlarmEnabled("pr.low", false, a)));
        c.add(new Call(Command.CHECK_IN, "checkIn", (m, a) -> join(m.clinical().checkIn(PATIENT, ORDER, false, a))));
        c.add(new Call(Command.SET_BASELINE, "captureBaseline", (m, a) -> join(m.clinical().captureBaseline(a))));
        c.add(new Call(Command.SET_BASELINE, "typeBaseline",
                (m, a) -> join(m.clinical().typeBaseline("120", "80", "70", "98", "14", a))));
        c.add(new Call(Command.START_INFUSION, "startInfusion", (m, a) -> join(m.clinical().startInfusion(a))));
        c.add(new Call(Command.CONFIRM_START, "confirmStart", (m, a) -> join(m.clinical().confirmStart(a, "proceed"))));
        c.add(new Call(Command.PAUSE_INFUSION, "pauseInfusion", (m, a) -> join(m.clinical().pauseInfusion(a))));
        c.add(new Call(Command.RESUME_INFUSION, "resumeInfusion", (m, a) -> join(m.clinical().resumeInfusion(a))));
        c.add(new Call(Command.CHANGE_RATE, "changeRate", (m, a) -> join(m.clinical().changeRate(6, a))));
        c.add(new Call(Command.STOP_INFUSION, "stopInfusion", (m, a) -> join(m.clinical().stopInfusion(a))));
        c.add(new Call(Command.CLINICAL_EVENT, "event",
                (m, a) -> join(m.clinical().event(ClinicalEventKind.NAUSEA, "", null, a))));
        c.add(new Call(Command.NOTE, "note", (m, a) -> join(m.clinical().note("calm", null, a))));
        c.add(new Call(Command.SCORE, "score", (m, a) -> join(m.clinical().score(10, 5, 0, null, a))));
        c.add(new Call(Command.CORRECT, "correct",
                (m, a) -> join(m.clinical().correct(1, Map.of("dissociation", "1"), "misread", a))));
        c.add(new Call(Command.DISCHARGE, "discharge", (m, a) -> join(m.clinical().discharge(true, a))));
        return c;
    }

    static List<Actor> actors() {
        List<Actor> a = new ArrayList<>();
        for (Role r : Role.values()) {
            a.add(r == Role.SYSTEM ? Actor.SYSTEM : new Actor("user:" + r, "a " + r.label(), r, T0, "login"));
        }
        a.add(Actor.atLockScreen(T0));
        a.add(new Actor("user:9", "an admin at the lock screen", Role.ADMIN, T0, "lock-screen"));
        a.add(new Actor("break-glass:Jo", "Jo (emergency access)", Role.NURSE, T0, "break-glass"));
        return a;
    }

    static Stream<Arguments> everyCommandByEveryActor() {
        List<Arguments> out = new ArrayList<>();
        for (Call c : calls()) {
            for (Actor a : actors()) {
                out.add(Arguments.of(c, a));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("everyCommandByEveryActor")
    void theChairRefusesExactlyWhatTheAuthorizerRefusesAndAuditsTheRefusal(Call call, Actor actor) {
        Optional<String> expected = Authorizer.refusal(actor, call.command());
        Object answer = call.send().apply(chair, actor);
        List<AuditEntry> refused = audit.stream().filter(e -> e.action().equals("command.refused")).toList();
        if (expected.isPresent()) {
            assertEquals(1, refused.size(), "the refusal is audited");
            assertEquals(actor, refused.get(0).actor());
            assertEquals(call.command().name().toLowerCase(), refused.get(0).detail().get("command"));
            assertEquals("chair:c1", refused.get(0).target());
            assertEquals(Optional.of(expected.get()), refusalOf(answer), "the answer says why");
        } else {
            assertTrue(refused.isEmpty(), () -> "allowed, yet refused: " + refused);
            refusalOf(answer).ifPresent(why -> assertFalse(why.contains("may not") || why.contains("screen is locked"),
                    why));
        }
    }

    @org.junit.jupiter.api.Test
    void aCorrectionGoesToTheAuditTrailWithWhoAndWhichEntryButNotTheValues() {
        Actor nurse = new Actor("user:7", "Ann", Role.NURSE, T0, "login");
        assertTrue(chair.clinical().checkIn(PATIENT, ORDER, false, nurse).join().done());
        assertTrue(chair.clinical().score(null, 2, null, null, nurse).join().done());
        long seq = chair.clinicalSession().orElseThrow().events().stream()
                .filter(e -> e.type() == org.vigil.domain.SessionEventType.SCORE).reduce((a, b) -> b).orElseThrow().seq();
        assertTrue(chair.clinical().correct(seq, Map.of("sedation", "3"), "misread", nurse).join().done());
        List<AuditEntry> corrected = audit.stream().filter(e -> e.action().equals("session.corrected")).toList();
        assertEquals(1, corrected.size(), () -> "audit: " + audit);
        assertEquals(nurse, corrected.get(0).actor());
        assertEquals(Map.of("seq", Long.toString(seq), "fields", "sedation"), corrected.get(0).detail());
    }

    private static Optional<String> refusalOf(Object answer) {
        if (answer instanceof ActionResult r) {
            return r.done() ? Optional.empty() : Optional.of(r.reasonText());
        }
        if (answer instanceof LimitChange l) {
            return l.accepted() ? Optional.empty() : l.reason();
        }
        if (answer instanceof BaselineChange b) {
            return b.accepted() ? Optional.empty() : b.reason();
        }
        return Optional.empty(); // acknowledge and pause audio answer nothing: the audit trail says
    }

    @Test
    void everyCommandTheChairTakesIsInTheTable() {
        Set<Command> chairCommands = java.util.EnumSet.noneOf(Command.class);
        calls().forEach(c -> chairCommands.add(c.command()));
        Set<Command> elsewhere = Set.of(Command.CLINIC_DEFAULTS, Command.MANAGE_USERS, Command.REVIEW_BREAK_GLASS,
                Command.READ_AUDIT_TRAIL);
        for (Command c : Command.values()) {
            assertTrue(chairCommands.contains(c) != elsewhere.contains(c), c.name());
        }
    }

    @Test
    void acknowledgeAndPauseAudioAtTheLockScreenWorkAndAreAuditedAsSuch() {
        chair.onReadings("mon", List.of(new Reading(T0, "mon", Vital.SPO2, 80, Set.of())));
        chair.tick();
        Actor bedside = Actor.atLockScreen(T0);
        chair.pauseAudio(bedside);
        chair.acknowledge(bedside);
        assertTrue(chair.alarms().audioPausedUntil() != null, "audio paused from the lock screen");
        List<AuditEntry> done = audit.stream().filter(e -> e.action().startsWith("alarm.")).toList();
        assertTrue(done.stream().allMatch(e -> "lock-screen".equals(e.detail().get("how"))), done.toString());
        assertTrue(done.stream().anyMatch(e -> e.action().equals("alarm.audio_paused")));
        assertTrue(chair.alarmLog().stream().anyMatch(e -> "at the lock screen".equals(e.user())),
                "the session's alarm log names who: at the lock screen");
    }
}
