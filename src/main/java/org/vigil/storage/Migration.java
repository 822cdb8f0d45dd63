package org.vigil.storage;

import java.util.List;
import java.util.Objects;

/**
 * One schema step: the SQL statements that take the database from {@code version - 1} to
 * {@code version}, applied in one transaction together with its {@code schema_version} row.
 */
record Migration(int version, String description, List<String> statements) {

    Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration version must be >= 1: " + version);
        }
        Objects.requireNonNull(description, "description");
        statements = List.copyOf(statements);
    }
}
