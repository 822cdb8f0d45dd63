package org.vigil.ui;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vigil.domain.Actor;
import org.vigil.domain.Role;

/**
 * The auditor's screen: filters (user, action, from and to dates, inclusive, in the station's
 * zone), the rows found, and a CSV export. Reads run on {@code background}, results are applied on
 * {@code fx}. Only auditors and admins get rows; anyone else gets a sentence saying so (and the
 * source refuses them too).
 */
final class AuditTrailModel {

    static final Set<Role> READERS = Set.of(Role.AUDITOR, Role.ADMIN);

    private final AuditTrailSource source;
    private final Supplier<Actor> actor;
    private final ZoneId zone;
    private final Executor background;
    private final Executor fx;
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<AuditTrailSource.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    AuditTrailModel(AuditTrailSource source, Supplier<Actor> actor, ZoneId zone, Executor background, Executor fx) {
        this.source = Objects.requireNonNull(source, "source");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.zone = zone;
        this.background = background;
        this.fx = fx;
    }

    /** True when whoever acts now may read the trail. */
    boolean allowed() {
        Actor a = actor.get();
        return a != null && READERS.contains(a.role());
    }

    StringProperty userProperty() {
        return user;
    }

    StringProperty actionProperty() {
        return action;
    }

    ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    ObservableList<AuditTrailSource.Row> rows() {
        return rows;
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    AuditTrailSource.Query query() {
        return new AuditTrailSource.Query(user.get(), action.get(),
                from.get() == null ? null : from.get().atStartOfDay(zone).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Reads the rows that match the filters. */
    void search() {
        Actor a = actor.get();
        if (!allowed()) {
            rows.clear();
            status.set("Only auditors and admins can read the audit trail");
            return;
        }
        AuditTrailSource.Query q = query();
        status.set("Reading…");
        background.execute(() -> {
            try {
                List<AuditTrailSource.Row> found = source.read(a, q);
                fx.execute(() -> {
                    rows.setAll(found);
                    status.set(found.size() == 1 ? "1 entry" : found.size() + " entries");
                });
            } catch (Exception e) {
                fx.execute(() -> status.set("The audit trail cannot be read: " + e.getMessage()));
            }
        });
    }

    /** Exports the rows that match the filters to {@code file} as CSV. */
    void export(Path file) {
        Actor a = actor.get();
        if (!allowed()) {
            status.set("Only auditors and admins can export the audit trail");
            return;
        }
        AuditTrailSource.Query q = query();
        background.execute(() -> {
            try {
                int n = source.exportCsv(a, q, file);
                fx.execute(() -> status.set(n + " entries exported to " + file.getFileName()));
            } catch (Exception e) {
                fx.execute(() -> status.set("Export failed: " + e.getMessage()));
            }
        });
    }
}
