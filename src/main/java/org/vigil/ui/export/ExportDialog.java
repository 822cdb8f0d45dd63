package org.vigil.ui.export;

import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.vigil.export.ExportFormat;

/**
 * The "Export…" dialog (View of {@link ExportDialogModel}): format, de-identify, password
 * protection (typed twice), folder and the file it will write, Export, progress bar and Cancel. One call opens it: {@code ExportDialog.show(owner, model)} — used at
 * discharge and from the review screen.
 */
public final class ExportDialog extends VBox {

    public ExportDialog(ExportDialogModel m) {
        super(10);
        setId("exportDialog");
        setPadding(new Insets(16));
        ComboBox<ExportFormat> format = new ComboBox<>();
        format.setId("exportFormat");
        format.getItems().setAll(m.formats());
        format.valueProperty().bindBidirectional(m.formatProperty());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExportFormat f) {
                return f == null ? "" : f.label();
            }

            @Override
            public ExportFormat fromString(String s) {
                return null;
            }
        });
        CheckBox deid = new CheckBox("De-identify (no name, MRN or birth date; dates shifted)");
        deid.setId("exportDeidentify");
        deid.selectedProperty().bindBidirectional(m.deidentifyProperty());
        CheckBox protect = new CheckBox("Protect with a password (encrypted PDF, or an encrypted .zip)");
        protect.setId("exportProtect");
        protect.selectedProperty().bindBidirectional(m.protectProperty());
        PasswordField password = new PasswordField();
        password.setId("exportPassword");
        password.setPromptText("at least " + org.vigil.export.ExportProtection.MIN_LENGTH + " characters");
        password.textProperty().bindBidirectional(m.passwordProperty());
        PasswordField confirm = new PasswordField();
        confirm.setId("exportPasswordAgain");
        confirm.setPromptText("the same again");
        confirm.textProperty().bindBidirectional(m.confirmProperty());
        password.disableProperty().bind(m.protectProperty().not().or(m.runningProperty()));
        confirm.disableProperty().bind(password.disableProperty());
        Label folder = new Label();
        folder.setId("exportFolder");
        folder.setWrapText(true);
        folder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> m.target().toString(),
                m.folderProperty(), m.formatProperty(), m.deidentifyProperty(), m.protectProperty()));
        Button choose = new Button("Folder…");
        choose.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            if (m.folderProperty().get() != null && m.folderProperty().get().toFile().isDirectory()) {
                c.setInitialDirectory(m.folderProperty().get().toFile());
            }
            File f = c.showDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                m.folderProperty().set(f.toPath());
            }
        });
        ProgressBar bar = new ProgressBar();
        bar.setId("exportProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(m.progressProperty());
        Label message = new Label();
        message.setId("exportMessage");
        message.setWrapText(true);
        message.textProperty().bind(m.messageProperty());
        Button export = new Button("Export");
        export.setId("exportStart");
        export.setDefaultButton(true);
        export.disableProperty().bind(m.runningProperty());
        export.setOnAction(e -> m.start());
        Button cancel = new Button("Cancel");
        cancel.setId("exportCancel");
        cancel.disableProperty().bind(m.runningProperty().not());
        cancel.setOnAction(e -> m.cancel());
        format.disableProperty().bind(m.runningProperty());
        deid.disableProperty().bind(m.runningProperty());
        protect.disableProperty().bind(m.runningProperty());
        choose.disableProperty().bind(m.runningProperty());
        format.setMaxWidth(Double.MAX_VALUE);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        form.addRow(0, new Label("Format"), format);
        form.add(deid, 0, 1, 2, 1);
        form.add(protect, 0, 2, 2, 1);
        form.addRow(3, new Label("Password"), password);
        form.addRow(4, new Label("Again"), confirm);
        form.addRow(5, choose, folder);
        HBox buttons = new HBox(8, export, cancel);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        getChildren().addAll(form, bar, message, buttons);
        setMinWidth(520);
    }

    /** Opens the dialog over {@code owner} (not modal to the alarms: the station keeps running). */
    public static Stage show(Window owner, ExportDialogModel model) {
        Stage s = new Stage();
        s.initOwner(owner);
        s.initModality(Modality.NONE);
        s.setTitle("Export session");
        s.setScene(new Scene(new ExportDialog(model)));
        s.sizeToScene();
        s.setMinWidth(540);
        s.setMinHeight(360);
        s.show();
        if (owner != null) {
            s.setX(owner.getX() + Math.max(0, (owner.getWidth() - s.getWidth()) / 2));
            s.setY(owner.getY() + Math.max(0, (owner.getHeight() - s.getHeight()) / 3));
        }
        return s;
    }
}
