/**
 * Who may run which command: {@link org.vigil.access.Command} lists the core commands (session,
 * alarm settings, users, review, audit) and {@link org.vigil.access.Authorizer} is the one table
 * of which {@link org.vigil.domain.Role} may run each. Pure: no storage, no clock, no threads, so
 * the chair runtime and the session services ask it on every command without reaching accounts
 * or the database (those are {@code org.vigil.security}).
 */
package org.vigil.access;
