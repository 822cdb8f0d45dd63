package org.vigil.storage;

import java.time.Instant;

/** One use of emergency access ({@code break_glass}): who, when, why, and which admin reviewed it (null until then). */
public record BreakGlassUse(long id, Instant at, String name, String reason, String reviewedBy, Instant reviewedAt) {
}
