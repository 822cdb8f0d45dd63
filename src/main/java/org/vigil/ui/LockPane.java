package org.vigil.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lock bar above the chairs while the station is locked: log in (user and password or quick
 * PIN), emergency access (name and reason), or, on a new station, create the first admin. The
 * chairs below keep their numerics, trends and alarms; Acknowledge and Pause audio work without a
 * login.
 */
final class LockPane extends VBox {

    LockPane(LockModel m) {
        super(6);
        setId("lockPane");
        getStyleClass().add("lock-pane");
        setStyle("-fx-background-color: #1b2330; -fx-padding: 8 12 8 12;");
        visibleProperty().bind(m.lockedProperty());
        managedProperty().bind(visibleProperty());

        Label title = new Label("Locked \u2014 patient details hidden. Acknowledge and Pause audio work without a login.");
        title.setId("lockTitle");
        title.setStyle("-fx-text-fill: white; -fx-font-weight: bold;");

        // log in
        TextField login = new TextField();
        login.setId("loginUser");
        login.setPromptText("user");
        login.setPrefColumnCount(10);
        PasswordField secret = new PasswordField();
        secret.setId("loginSecret");
        secret.setPromptText("password or quick PIN");
        secret.setPrefColumnCount(12);
        Button logIn = new Button("Log in");
        logIn.setId("loginButton");
        Runnable tryLogIn = () -> m.logIn(login.getText(), secret.getText()).thenAccept(ok -> {
            secret.clear();
            if (ok) {
                login.clear();
            }
        });
        logIn.setOnAction(e -> tryLogIn.run());
        secret.setOnAction(e -> tryLogIn.run());
        Button emergency = new Button("Emergency access\u2026");
        emergency.setId("breakGlassButton");
        HBox loginRow = new HBox(8, label("Log in"), login, secret, logIn, emergency);
        loginRow.setAlignment(Pos.CENTER_LEFT);
        loginRow.visibleProperty().bind(m.firstRunProperty().not());
        loginRow.managedProperty().bind(loginRow.visibleProperty());

        // emergency access
        TextField bgName = new TextField();
        bgName.setId("breakGlassName");
        bgName.setPromptText("your name");
        TextField reason = new TextField();
        reason.setId("breakGlassReason");
        reason.setPromptText("why you need access now (recorded and shown to the admins)");
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button open = new Button("Open in emergency");
        open.setId("breakGlassOpen");
        open.setStyle("-fx-base: #a01010;");
        HBox bgRow = new HBox(8, label("Emergency access"), bgName, reason, open);
        bgRow.setAlignment(Pos.CENTER_LEFT);
        bgRow.setVisible(false);
        bgRow.managedProperty().bind(bgRow.visibleProperty());
        emergency.setOnAction(e -> bgRow.setVisible(!bgRow.isVisible()));
        open.setOnAction(e -> m.breakGlass(bgName.getText(), reason.getText()).thenAccept(ok -> {
            if (ok) {
                bgName.clear();
                reason.clear();
                bgRow.setVisible(false);
            }
        }));

        // first admin
        TextField faLogin = new TextField();
        faLogin.setId("firstAdminUser");
        faLogin.setPromptText("user name");
        TextField faName = new TextField();
        faName.setId("firstAdminName");
        faName.setPromptText("full name");
        PasswordField faPassword = new PasswordField();
        faPassword.setId("firstAdminPassword");
        faPassword.setPromptText("password (8+ characters)");
        PasswordField faPin = new PasswordField();
        faPin.setId("firstAdminPin");
        faPin.setPromptText("quick PIN (optional)");
        Button create = new Button("Create the first admin");
        create.setId("firstAdminCreate");
        create.setOnAction(e -> m.createFirstAdmin(faLogin.getText(), faName.getText(), faPassword.getText(),
                faPin.getText().isBlank() ? null : faPin.getText()).thenAccept(ok -> {
                    faPassword.clear();
                    faPin.clear();
                }));
        HBox firstRow = new HBox(8, label("New station"), faLogin, faName, faPassword, faPin, create);
        firstRow.setAlignment(Pos.CENTER_LEFT);
        firstRow.visibleProperty().bind(m.firstRunProperty());
        firstRow.managedProperty().bind(firstRow.visibleProperty());

        Label message = new Label();
        message.setId("lockMessage");
        message.setStyle("-fx-text-fill: #ffcc66;");
        message.textProperty().bind(m.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        for (Button b : new Button[] {logIn, emergency, open, create}) {
            b.disableProperty().bind(m.busyProperty());
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(title, firstRow, loginRow, bgRow, message);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-text-fill: #c8d0dc;");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
