package org.vigil.domain;

/**
 * Where security-relevant actions go (the review screen records who opened a past session,
 * exporters record who exported what). The security layer implements it with the append-only,
 * hash-chained audit table; tests and tools without one use {@link #NONE}. Implementations never
 * block the caller on the disk for long and never throw into it.
 */
@FunctionalInterface
public interface AuditSink {

    void record(AuditEntry entry);

    /** Records nothing (tools that read a database file offline, tests that do not look). */
    AuditSink NONE = entry -> { };
}
