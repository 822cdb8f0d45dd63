package org.vigil.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.vigil.domain.Role;
import org.vigil.security.UserAdmin;

/**
 * The admin's users panel (admin mode only): emergency access to review first, then every account
 * with its role, a switch to disable it and a field for a new quick PIN, then a form to add one.
 */
final class UsersPane extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final javafx.util.StringConverter<Role> ROLE_WORDS = new javafx.util.StringConverter<>() {
        @Override
        public String toString(Role r) {
            return r == null ? "" : r.label();
        }

        @Override
        public Role fromString(String s) {
            return UsersModel.roles().stream().filter(r -> r.label().equals(s)).findFirst().orElse(null);
        }
    };

    private final UsersModel m;
    private final ZoneId zone;
    private final VBox emergencies = new VBox(4);
    private final GridPane table = new GridPane();

    UsersPane(UsersModel m, ZoneId zone, Runnable close) {
        this.m = m;
        this.zone = zone;
        getStyleClass().addAll("side-panel", "users-pane");
        setId("usersPane");
        setSpacing(10);
        Label title = new Label("Users");
        title.getStyleClass().add("panel-title");
        table.setHgap(8);
        table.setVgap(4);

        TextField login = new TextField();
        login.setId("newUserLogin");
        login.setPromptText("user name");
        login.textProperty().bindBidirectional(m.loginProperty());
        TextField name = new TextField();
        name.setId("newUserName");
        name.setPromptText("full name");
        name.textProperty().bindBidirectional(m.nameProperty());
        ComboBox<Role> role = new ComboBox<>();
        role.setId("newUserRole");
        role.getItems().setAll(UsersModel.roles());
        role.valueProperty().bindBidirectional(m.roleProperty());
        PasswordField secret = new PasswordField();
        secret.setId("newUserSecret");
        secret.setPromptText("quick PIN or password");
        secret.textProperty().bindBidirectional(m.secretProperty());
        CheckBox pinOnly = new CheckBox("quick PIN");
        pinOnly.setId("newUserPinOnly");
        pinOnly.selectedProperty().bindBidirectional(m.pinOnlyProperty());
        Button add = new Button("Add user");
        add.setId("addUserButton");
        add.setOnAction(e -> m.add());
        role.setConverter(ROLE_WORDS);
        HBox who = new HBox(8, login, name, role);
        HBox how = new HBox(8, secret, pinOnly, add);
        who.setAlignment(Pos.CENTER_LEFT);
        how.setAlignment(Pos.CENTER_LEFT);
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        pinOnly.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox form = new VBox(6, who, how);

        Label message = new Label();
        message.setId("usersMessage");
        message.getStyleClass().add("panel-message");
        message.setWrapText(true);
        message.textProperty().bind(m.messageProperty());
        Button closeButton = new Button("Close");
        closeButton.setOnAction(e -> close.run());

        m.users().addListener((ListChangeListener<UserAdmin.UserSummary>) c -> rebuildUsers());
        m.emergencies().addListener((ListChangeListener<UserAdmin.EmergencyUse>) c -> rebuildEmergencies());
        Label emergencyTitle = new Label("Emergency access to review");
        emergencyTitle.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(m.emergencies()));
        emergencyTitle.managedProperty().bind(emergencyTitle.visibleProperty());
        VBox content = new VBox(10, emergencyTitle, emergencies, table, new Label("Add a user"), form, message);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        getChildren().addAll(title, scroll, closeButton);
        rebuildUsers();
        rebuildEmergencies();
    }

    private void rebuildEmergencies() {
        emergencies.getChildren().clear();
        for (UserAdmin.EmergencyUse u : m.emergencies()) {
            Label l = new Label(WHEN.format(u.at().atZone(zone)) + "  " + u.name() + ": " + u.reason());
            l.setStyle("-fx-text-fill: #ff6666;");
            l.setWrapText(true);
            Button ok = new Button("Reviewed");
            ok.setId("reviewed-" + u.id());
            ok.setOnAction(e -> m.reviewed(u.id()));
            emergencies.getChildren().add(new HBox(8, l, ok));
        }
    }

    private void rebuildUsers() {
        table.getChildren().clear();
        int row = 0;
        for (UserAdmin.UserSummary u : m.users()) {
            Label who = new Label(u.login() + " \u2014 " + u.name() + (u.lockedUntil() != null ? " (locked)" : ""));
            ComboBox<Role> role = new ComboBox<>();
            role.setId("role-" + u.login());
            role.getItems().setAll(UsersModel.roles());
            role.setConverter(ROLE_WORDS);
            role.setValue(u.role());
            role.setOnAction(e -> {
                if (role.getValue() != u.role()) {
                    m.setRole(u.login(), role.getValue());
                }
            });
            Button enabled = new Button(u.enabled() ? "Disable" : "Enable");
            enabled.setId("enabled-" + u.login());
            enabled.setOnAction(e -> m.setEnabled(u.login(), !u.enabled()));
            PasswordField pin = new PasswordField();
            pin.setPromptText("new PIN");
            pin.setPrefColumnCount(6);
            Button reset = new Button("Set PIN");
            reset.setId("resetPin-" + u.login());
            reset.setOnAction(e -> {
                m.resetPin(u.login(), pin.getText());
                pin.clear();
            });
            table.addRow(row++, who, role, enabled, pin, reset);
        }
    }
}
