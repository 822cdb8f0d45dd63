package org.vigil.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.domain.Actor;
import org.vigil.domain.Role;

/**
 * The permission table, written out once more by hand (N nurse, A admin, P prescriber, U auditor,
 * S the station itself): each cell is checked, so a change to the table is a change to this test.
 */
class AuthorizerTest {

    /** Command, then who may: a string of role letters. */
    private static final Object[][] TABLE = {
        {Command.ACKNOWLEDGE, "NAPUS"},
        {Command.PAUSE_AUDIO, "NAPUS"},
        {Command.CHECK_IN, "NAS"},
        {Command.SET_BASELINE, "NAS"},
        {Command.START_INFUSION, "NAS"},
        {Command.CONFIRM_START, "PS"},
        {Command.PAUSE_INFUSION, "NAS"},
        {Command.RESUME_INFUSION, "NAS"},
        {Command.CHANGE_RATE, "NAS"},
        {Command.STOP_INFUSION, "NAS"},
        {Command.CLINICAL_EVENT, "NAS"},
        {Command.NOTE, "NAPS"},
        {Command.SCORE, "NAS"},
        {Command.CORRECT, "NAS"},
        {Command.DISCHARGE, "NAPS"},
        {Command.CHANGE_LIMIT, "NAS"},
        {Command.ALARM_OFF_ON, "AS"},
        {Command.CLINIC_DEFAULTS, "AS"},
        {Command.MANAGE_USERS, "A"},
        {Command.REVIEW_BREAK_GLASS, "A"},
        {Command.READ_AUDIT_TRAIL, "U"},
    };

    private static char letter(Role r) {
        return switch (r) {
            case NURSE -> 'N';
            case ADMIN -> 'A';
            case PRESCRIBER -> 'P';
            case AUDITOR -> 'U';
            case SYSTEM -> 'S';
        };
    }

    static Actor person(Role r) {
        return r == Role.SYSTEM ? Actor.SYSTEM : new Actor("user:" + r, "Kim", r, Instant.EPOCH, "login");
    }

    static Stream<Arguments> everyRoleAndCommand() {
        List<Arguments> out = new ArrayList<>();
        for (Object[] row : TABLE) {
            for (Role r : Role.values()) {
                out.add(Arguments.of(row[0], r, ((String) row[1]).indexOf(letter(r)) >= 0));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} {0}: {2}")
    @MethodSource("everyRoleAndCommand")
    void eachRoleMayRunExactlyTheCommandsOfTheTable(Command command, Role role, boolean allowed) {
        Optional<String> why = Authorizer.refusal(person(role), command);
        assertEquals(allowed, why.isEmpty(), role + " " + command + " " + why);
        if (!allowed) {
            assertEquals(person(role).name() + " (" + role.label() + ") may not " + command.words(), why.get());
        }
    }

    @Test
    void theTableCoversEveryCommand() {
        Set<Command> listed = EnumSet.noneOf(Command.class);
        for (Object[] row : TABLE) {
            listed.add((Command) row[0]);
        }
        assertEquals(EnumSet.allOf(Command.class), listed);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void atTheLockScreenOnlyAcknowledgeAndPauseAudioWorkWhateverTheRole(Command command) {
        Actor locked = Actor.atLockScreen(Instant.EPOCH);
        Actor lockedAdmin = new Actor("user:9", "Ada", Role.ADMIN, Instant.EPOCH, "lock-screen");
        boolean alarmHandling = command == Command.ACKNOWLEDGE || command == Command.PAUSE_AUDIO;
        assertEquals(alarmHandling, Authorizer.allows(locked, command));
        assertEquals(alarmHandling, Authorizer.allows(lockedAdmin, command));
        if (!alarmHandling) {
            assertEquals("the screen is locked: log in to " + command.words(), Authorizer.refusal(locked, command).get());
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void emergencyAccessMayDoWhatANurseMayWhateverRoleItClaims(Command command) {
        Actor glass = new Actor("break-glass:Kim", "Kim (emergency access)", Role.ADMIN, Instant.EPOCH, "break-glass");
        assertEquals(Authorizer.allows(person(Role.NURSE), command), Authorizer.allows(glass, command), command.name());
    }

    @Test
    void nobodyMayDoAnythingButTheRefusalSaysToLogIn() {
        for (Command c : Command.values()) {
            assertTrue(Authorizer.refusal(null, c).orElseThrow().startsWith("nobody is logged in"));
        }
    }

    static Stream<Command> commands() {
        return Stream.of(Command.values());
    }
}
