package org.vigil.ui.export;

import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.vigil.export.ExportFormat;

/**
 * The "Export…" dialog (View of {@link ExportDialogModel}): format, de-identify, folder, Export,
 * progress bar and Cancel. One call opens it: {@code ExportDialog.show(owner, model)} — used at
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
        Label folder = new Label();
        folder.setId("exportFolder");
        folder.textProperty().bind(m.folderProperty().asString());
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
        choose.disableProperty().bind(m.runningProperty());
        getChildren().addAll(new Label("Format"), format, deid, new HBox(8, choose, folder), bar, message,
                new HBox(8, export, cancel));
    }

    /** Opens the dialog over {@code owner} (not modal to the alarms: the station keeps running). */
    public static Stage show(Window owner, ExportDialogModel model) {
        Stage s = new Stage();
        s.initOwner(owner);
        s.initModality(Modality.NONE);
        s.setTitle("Export session");
        s.setScene(new Scene(new ExportDialog(model), 460, 300));
        s.show();
        return s;
    }
}
