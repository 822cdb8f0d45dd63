package org.vigil.access;

import static org.vigil.access.Command.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.domain.Actor;
import org.vigil.domain.Role;

/**
 * Who may do what: a pure table of {@link Role} × {@link Command} (design.md §3, clinical.md
 * "Privacy"). The core services ask it before every command; a screen asks it only to hide what a
 * role cannot use.
 *
 * <ul>
 *   <li>Acknowledge and pause audio: everyone, including someone at the lock screen; alarm
 *       handling never depends on a login.</li>
 *   <li>Nurse: runs sessions (check-in, baseline, infusion, events, notes, scores, corrections,
 *       discharge), acknowledges, pauses audio, changes a chair's limits within the clinic bounds.</li>
 *   <li>Admin (charge nurse): everything a nurse does, plus alarm off/on, the clinic defaults and
 *       latching, users, and reviewing emergency access.</li>
 *   <li>Prescriber: confirms the start gate, writes notes, signs the discharge.</li>
 *   <li>Auditor: reads the audit trail, nothing else.</li>
 *   <li>The station itself ({@link Actor#SYSTEM}, headless tools): every chair and session command,
 *       never users or the audit trail.</li>
 *   <li>At the lock screen ({@code how = lock-screen}): acknowledge and pause audio only, whatever
 *       the role. In emergency access ({@code how = break-glass}): what a nurse may do.</li>
 * </ul>
 */
public final class Authorizer {

    private static final Set<Command> ALARM_HANDLING = EnumSet.of(ACKNOWLEDGE, PAUSE_AUDIO);
    private static final Set<Command> NURSE_WORK = EnumSet.of(ACKNOWLEDGE, PAUSE_AUDIO, CHECK_IN, SET_BASELINE,
            START_INFUSION, PAUSE_INFUSION, RESUME_INFUSION, CHANGE_RATE, STOP_INFUSION, CLINICAL_EVENT, NOTE, SCORE,
            CORRECT, DISCHARGE, CHANGE_LIMIT);
    private static final Map<Role, Set<Command>> TABLE = new EnumMap<>(Role.class);

    static {
        TABLE.put(Role.NURSE, NURSE_WORK);
        Set<Command> admin = EnumSet.copyOf(NURSE_WORK);
        admin.addAll(EnumSet.of(ALARM_OFF_ON, CLINIC_DEFAULTS, MANAGE_USERS, REVIEW_BREAK_GLASS));
        TABLE.put(Role.ADMIN, admin);
        TABLE.put(Role.PRESCRIBER, EnumSet.of(ACKNOWLEDGE, PAUSE_AUDIO, CONFIRM_START, NOTE, DISCHARGE));
        TABLE.put(Role.AUDITOR, EnumSet.of(ACKNOWLEDGE, PAUSE_AUDIO, READ_AUDIT_TRAIL));
        Set<Command> system = EnumSet.allOf(Command.class);
        system.removeAll(EnumSet.of(MANAGE_USERS, REVIEW_BREAK_GLASS, READ_AUDIT_TRAIL));
        TABLE.put(Role.SYSTEM, system);
    }

    private Authorizer() {
    }

    /** True when {@code actor} may run {@code command}. */
    public static boolean allows(Actor actor, Command command) {
        return refusal(actor, command).isEmpty();
    }

    /** Why {@code actor} may not run {@code command}, or empty when it may. */
    public static Optional<String> refusal(Actor actor, Command command) {
        if (actor == null) {
            return Optional.of("nobody is logged in: log in to " + command.words());
        }
        if (ALARM_HANDLING.contains(command)) {
            return Optional.empty();
        }
        if ("lock-screen".equals(actor.how())) {
            return Optional.of("the screen is locked: log in to " + command.words());
        }
        Role role = "break-glass".equals(actor.how()) ? Role.NURSE : actor.role();
        if (TABLE.get(role).contains(command)) {
            return Optional.empty();
        }
        return Optional.of(actor.name() + " (" + actor.role().label() + ") may not " + command.words());
    }

    /** The commands {@code role} may run (documentation and screens). */
    public static Set<Command> commandsOf(Role role) {
        return EnumSet.copyOf(TABLE.get(role));
    }
}
