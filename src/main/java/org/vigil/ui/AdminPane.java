package org.vigil.ui;

import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Entering admin mode: the admin's name (recorded with every admin action) and the PIN. Without a
 * configured PIN it only says how to enable admin actions.
 */
final class AdminPane extends VBox {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final PasswordField pin = new PasswordField();

    AdminPane(AdminModel admin, Runnable done, Runnable cancel) {
        getStyleClass().addAll("side-panel", "admin-pane");
        setId("adminPane");
        setSpacing(14);
        Label title = new Label("Admin mode");
        title.getStyleClass().add("panel-title");
        Label about = new Label("Admin mode enables switching alarms off and on and saving a chair's limits as the"
                + " clinic defaults. It ends when you switch it off, or after "
                + AdminModel.IDLE_LOGOFF.toMinutes() + " minutes without use.");
        about.setWrapText(true);
        about.getStyleClass().add("panel-text");
        Label message = new Label();
        message.setId("adminMessage");
        message.getStyleClass().add("panel-message");
        message.setWrapText(true);
        Button cancelButton = new Button(admin.configured() ? "Cancel" : "Close");
        cancelButton.setId("adminCancelButton");
        cancelButton.setCancelButton(true);
        cancelButton.setOnAction(e -> cancel.run());
        if (!admin.configured()) {
            message.setText(AdminModel.NOT_CONFIGURED);
            message.pseudoClassStateChanged(ERROR, true);
            getChildren().addAll(title, about, message, cancelButton);
            return;
        }
        TextField name = new TextField();
        name.setId("adminName");
        name.setPromptText("admin user name");
        pin.setId("adminPin");
        pin.setPromptText("password or quick PIN");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("User"), name);
        form.addRow(1, new Label("Password or PIN"), pin);
        Button enter = new Button("Enter admin mode");
        enter.setId("adminEnterButton");
        enter.setDefaultButton(true);
        java.util.concurrent.Executor off = r -> {
            Thread t = new Thread(r, "vigil-login");
            t.setDaemon(true);
            t.start();
        };
        Runnable tryLogIn = () -> {
            String secret = pin.getText();
            pin.clear();
            enter.setDisable(true);
            admin.logIn(name.getText(), secret, off, javafx.application.Platform::runLater).thenAccept(why -> {
                enter.setDisable(false);
                if (why.isPresent()) {
                    message.setText(why.get());
                    message.pseudoClassStateChanged(ERROR, true);
                    pin.requestFocus();
                } else {
                    message.setText("");
                    done.run();
                }
            });
        };
        enter.setOnAction(e -> tryLogIn.run());
        pin.setOnAction(e -> tryLogIn.run());
        HBox buttons = new HBox(10, enter, cancelButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, about, form, buttons, message);
    }

    /** Puts the cursor in the PIN field. */
    void focusPin() {
        pin.requestFocus();
    }
}
