package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.vigil.domain.AuditEntry;
import org.vigil.security.LoginResult;

/** Before the session database opens there are no accounts: logins wait, emergency access does not. */
class StationSignInTest {

    private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    private final StationSignIn signIn = new StationSignIn(Optional::empty, audit::add,
            () -> Instant.parse("2026-03-02T08:00:00Z"));

    @Test
    void withoutTheDatabaseALoginIsRefusedWithTheReason() {
        LoginResult r = signIn.logIn("ada", "analytical engine");
        assertFalse(r.ok());
        assertEquals(StationSignIn.UNAVAILABLE, r.refusal());
        assertFalse(signIn.firstRun());
        assertTrue(signIn.users(org.vigil.testsupport.TestActors.ADMIN).isEmpty());
    }

    @Test
    void emergencyAccessNeverDependsOnTheDatabaseAndIsAudited() {
        assertFalse(signIn.breakGlass("Jo", "short").ok());
        LoginResult r = signIn.breakGlass("Jo", "patient apnoeic, database down");
        assertTrue(r.ok());
        assertEquals("break-glass", r.actor().how());
        assertEquals(1, audit.size());
        assertEquals("break_glass", audit.get(0).action());
        assertEquals("unavailable", audit.get(0).detail().get("accounts"));
    }
}
