package org.vigil.security;

/** A role asked to read or export the audit trail and may not; the message says who may. */
public final class AuditAccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditAccessDeniedException(String message) {
        super(message);
    }
}
