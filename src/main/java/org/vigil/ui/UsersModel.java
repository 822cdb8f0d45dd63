package org.vigil.ui;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vigil.domain.Actor;
import org.vigil.domain.Role;
import org.vigil.security.AccountResult;
import org.vigil.security.UserAdmin;

/**
 * The admin's users panel: the accounts (add, disable or enable, a new quick PIN, another role) and
 * the uses of emergency access still to review. Sent as the admin of admin mode; the accounts
 * refuse anyone else. Calls run on {@code background} (an Argon2id hash takes 0.1-0.8 s), results
 * come back on {@code fx}. No scene-graph types.
 */
final class UsersModel {

    private final UserAdmin accounts;
    private final AdminModel admin;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<UserAdmin.UserSummary> users = FXCollections.observableArrayList();
    private final ObservableList<UserAdmin.EmergencyUse> emergencies = FXCollections.observableArrayList();
    private final StringProperty login = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.NURSE);
    private final StringProperty secret = new SimpleStringProperty("");
    private final BooleanProperty pinOnly = new SimpleBooleanProperty(true);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty error = new SimpleBooleanProperty(false);

    UsersModel(UserAdmin accounts, AdminModel admin, Executor background, Executor fx) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /** The roles an admin may give (never the station's own). */
    static List<Role> roles() {
        return List.of(Role.NURSE, Role.ADMIN, Role.PRESCRIBER, Role.AUDITOR);
    }

    /** Reads the accounts and the emergency uses again. */
    CompletableFuture<Void> refresh() {
        Actor by = admin.user();
        if (by == null) {
            users.clear();
            emergencies.clear();
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> new Object[] {accounts.users(by), accounts.emergencyUses(by)}, background)
                .thenAcceptAsync(r -> {
                    @SuppressWarnings("unchecked")
                    List<UserAdmin.UserSummary> u = (List<UserAdmin.UserSummary>) r[0];
                    @SuppressWarnings("unchecked")
                    List<UserAdmin.EmergencyUse> e = (List<UserAdmin.EmergencyUse>) r[1];
                    users.setAll(u);
                    emergencies.setAll(e);
                }, fx);
    }

    CompletableFuture<Boolean> add() {
        String s = secret.get();
        return change(by -> accounts.add(by, login.get(), name.get(), role.get(), pinOnly.get() ? null : s,
                pinOnly.get() ? s : null)).thenApply(ok -> {
                    secret.set("");
                    if (ok) {
                        login.set("");
                        name.set("");
                    }
                    return ok;
                });
    }

    CompletableFuture<Boolean> setEnabled(String user, boolean on) {
        return change(by -> accounts.setEnabled(by, user, on));
    }

    CompletableFuture<Boolean> setRole(String user, Role r) {
        return change(by -> accounts.setRole(by, user, r));
    }

    CompletableFuture<Boolean> resetPin(String user, String pin) {
        return change(by -> accounts.resetPin(by, user, pin));
    }

    CompletableFuture<Boolean> reviewed(long id) {
        return change(by -> accounts.reviewBreakGlass(by, id));
    }

    private CompletableFuture<Boolean> change(Function<Actor, AccountResult> what) {
        Actor by = admin.user();
        if (by == null) {
            say(AdminModel.ADMIN_ONLY, true);
            return CompletableFuture.completedFuture(false);
        }
        admin.touch();
        return CompletableFuture.supplyAsync(() -> what.apply(by), background)
                .exceptionally(e -> new AccountResult(false, String.valueOf(e.getMessage())))
                .thenApplyAsync(r -> {
                    say(r.message(), !r.done());
                    return r.done();
                }, fx)
                .thenCompose(ok -> refresh().thenApply(v -> ok));
    }

    private void say(String text, boolean isError) {
        message.set(text);
        error.set(isError);
    }

    ObservableList<UserAdmin.UserSummary> users() {
        return users;
    }

    ObservableList<UserAdmin.EmergencyUse> emergencies() {
        return emergencies;
    }

    StringProperty loginProperty() {
        return login;
    }

    StringProperty nameProperty() {
        return name;
    }

    ObjectProperty<Role> roleProperty() {
        return role;
    }

    StringProperty secretProperty() {
        return secret;
    }

    BooleanProperty pinOnlyProperty() {
        return pinOnly;
    }

    StringProperty messageProperty() {
        return message;
    }

    BooleanProperty errorProperty() {
        return error;
    }
}
