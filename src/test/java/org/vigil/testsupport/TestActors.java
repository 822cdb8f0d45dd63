package org.vigil.testsupport;

import org.vigil.domain.Actor;
import org.vigil.domain.Role;

/** Actors for tests: a person of a role with the name the test expects in records. */
public final class TestActors {

    public static final Actor NURSE = nurse("nurse");
    public static final Actor ADMIN = admin("admin");
    public static final Actor PRESCRIBER = prescriber("Dr Rivera");
    public static final Actor AUDITOR = new Actor("test:auditor", "auditor", Role.AUDITOR, null, "login");

    private TestActors() {
    }

    public static Actor nurse(String name) {
        return new Actor("test:" + name, name, Role.NURSE, null, "login");
    }

    public static Actor admin(String name) {
        return new Actor("test:" + name, name, Role.ADMIN, null, "login");
    }

    public static Actor prescriber(String name) {
        return new Actor("test:" + name, name, Role.PRESCRIBER, null, "login");
    }
}
