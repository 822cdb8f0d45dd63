package org.vigil.security;

import java.time.Instant;
import java.util.List;
import org.vigil.domain.Actor;
import org.vigil.domain.Role;

/**
 * What the admin screens need of the accounts: the users, adding one, disabling, a new PIN, a new
 * role, and the uses of emergency access to review. Every method refuses anyone but an admin (the
 * {@link org.vigil.access.Authorizer} decides) and may block on the disk and the password hash.
 */
public interface UserAdmin {

    /** One account as an admin sees it: never a hash. */
    record UserSummary(String login, String name, Role role, boolean enabled, Instant lockedUntil) {
    }

    /** One use of emergency access not yet reviewed. */
    record EmergencyUse(long id, Instant at, String name, String reason) {
    }

    List<UserSummary> users(Actor by);

    AccountResult add(Actor by, String login, String name, Role role, String password, String pin);

    AccountResult setEnabled(Actor by, String login, boolean enabled);

    AccountResult setRole(Actor by, String login, Role role);

    AccountResult resetPin(Actor by, String login, String pin);

    List<EmergencyUse> emergencyUses(Actor by);

    AccountResult reviewBreakGlass(Actor by, long id);
}
