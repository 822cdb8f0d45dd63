package org.vigil.ui;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The auditor's read-only table of the audit trail with its filters and CSV export; binds to {@link AuditTrailModel}. */
final class AuditTrailView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final BorderPane root = new BorderPane();
    private final AuditTrailModel model;

    AuditTrailView(AuditTrailModel model, ZoneId zone) {
        this.model = model;
        TextField user = new TextField();
        user.setId("auditUser");
        user.setPromptText("user");
        user.textProperty().bindBidirectional(model.userProperty());
        TextField action = new TextField();
        action.setId("auditAction");
        action.setPromptText("action (e.g. login)");
        action.textProperty().bindBidirectional(model.actionProperty());
        DatePicker from = new DatePicker();
        from.setId("auditFrom");
        from.setPromptText("from");
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("auditTo");
        to.setPromptText("to");
        to.valueProperty().bindBidirectional(model.toProperty());
        Button search = new Button("Search");
        search.setId("auditSearch");
        search.setDefaultButton(true);
        search.setOnAction(e -> model.search());
        Button export = new Button("Export CSV…");
        export.setId("auditExport");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("audit-trail.csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                model.export(f.toPath());
            }
        });
        HBox filters = new HBox(8, new Label("User"), user, new Label("Action"), action, new Label("From"), from,
                new Label("To"), to, search, export);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(8));

        TableView<AuditTrailSource.Row> table = new TableView<>(model.rows());
        table.setId("auditTable");
        table.setEditable(false);
        table.getColumns().add(column("#", r -> Long.toString(r.seq()), 60));
        table.getColumns().add(column("Time", r -> TIME.format(r.at().atZone(zone)), 150));
        table.getColumns().add(column("User", AuditTrailSource.Row::user, 140));
        table.getColumns().add(column("Role", AuditTrailSource.Row::role, 90));
        table.getColumns().add(column("How", AuditTrailSource.Row::how, 90));
        table.getColumns().add(column("Action", AuditTrailSource.Row::action, 160));
        table.getColumns().add(column("Target", AuditTrailSource.Row::target, 120));
        table.getColumns().add(column("Detail", AuditTrailSource.Row::detail, 420));
        table.setPlaceholder(new Label("No entries (set the filters and press Search)"));

        Label status = new Label();
        status.setId("auditStatus");
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(4, 8, 8, 8));

        root.setTop(filters);
        root.setCenter(table);
        root.setBottom(status);
        root.setId("auditTrail");
    }

    private static TableColumn<AuditTrailSource.Row, String> column(String title, Function<AuditTrailSource.Row, String> value,
            double width) {
        TableColumn<AuditTrailSource.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    BorderPane root() {
        return root;
    }

    /** Opens the trail in a window of its own over {@code owner} and runs a first search. */
    static Stage open(Window owner, AuditTrailModel model, ZoneId zone) {
        AuditTrailView view = new AuditTrailView(model, zone);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Audit trail");
        stage.setScene(new Scene(view.root(), 1280, 720));
        stage.show();
        model.search();
        return stage;
    }
}
