package org.vigil.ui.review;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.vigil.review.CourseEntry;
import org.vigil.review.SessionRow;
import org.vigil.review.SessionViewer;
import org.vigil.ui.chart.TrendChart;

/**
 * The station's Review screen: the session list, then one session's review (the chart of every
 * vital with the alarm and note list beside it and the read-out at the cursor), a patient's
 * course, or two sessions compared. Read-only. Every query runs on the review context's
 * background thread; the answers come back on the FX thread.
 */
public final class ReviewPane {

    private final BorderPane root = new BorderPane();
    private final StackPane pages = new StackPane();
    private final Label title = new Label("Past sessions");
    private final Button back = new Button("◀ Sessions");
    private final ReviewContext context;
    /** Exports run here, never on the review's query thread nor the FX thread. */
    private final java.util.concurrent.ExecutorService exportThread = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "vigil-export");
        t.setDaemon(true);
        return t;
    });
    private final Button course = new Button("Course of this patient");
    private final Button compare = new Button("Compare the two selected");
    private final SessionListModel listModel;
    private final SessionReviewModel reviewModel;
    private final CourseModel courseModel;
    private final CompareModel compareModel;
    private final SessionListView list;
    private final Node reviewPage;
    private final Node coursePage;
    private final Node comparePage;
    private final TrendChart reviewChart;
    private boolean loadedOnce;

    /** The pane over {@code context}; answers are applied with {@code Platform::runLater}. */
    public ReviewPane(ReviewContext context) {
        this(context, Platform::runLater);
    }

    ReviewPane(ReviewContext context, Executor fx) {
        Objects.requireNonNull(context, "context");
        this.context = context;
        Supplier<Optional<SessionViewer>> viewer = () -> context.archive().get()
                .map(a -> new SessionViewer(a, context.audit(), context.clock()));
        ZoneId zone = context.zone();
        listModel = new SessionListModel(context.archive(), context.background(), fx, zone, context.clock());
        reviewModel = new SessionReviewModel(viewer, context.actor(), context.background(), fx, zone);
        courseModel = new CourseModel(viewer, context.actor(), context.background(), fx, zone);
        compareModel = new CompareModel(viewer, context.actor(), context.background(), fx, zone);

        list = new SessionListView(listModel, r -> openSession(r.row().id()));
        reviewChart = new TrendChart(reviewModel.chartState(), reviewModel.viewport());
        reviewChart.setId("reviewChart");
        reviewChart.setOnCursor(reviewModel::cursorMoved);
        reviewPage = reviewPage();
        coursePage = coursePage();
        comparePage = comparePage();
        pages.getChildren().addAll(list.root(), reviewPage, coursePage, comparePage);

        back.setId("reviewBack");
        back.setOnAction(e -> showList());
        course.setId("reviewCourse");
        course.setTooltip(new Tooltip("Every session of the selected session's patient, side by side"));
        course.setOnAction(e -> openCourse());
        compare.setId("reviewCompare");
        compare.setTooltip(new Tooltip("Select two sessions in the list (Ctrl-click), then compare them on minutes since"
                + " infusion start"));
        compare.setOnAction(e -> openCompare());
        title.setId("reviewTitle");
        title.getStyleClass().add("review-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, back, title, gap, course, compare);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        root.setId("reviewPane");
        root.getStyleClass().add("review-pane");
        root.getStylesheets().add(Objects.requireNonNull(ReviewPane.class.getResource("review.css"), "review.css")
                .toExternalForm());
        root.setTop(bar);
        root.setCenter(pages);
        showList();
    }

    private Node reviewPage() {
        Label header = new Label();
        header.setId("reviewHeader");
        header.setWrapText(true);
        header.textProperty().bind(reviewModel.headerProperty());
        Label status = new Label();
        status.getStyleClass().add("review-status");
        status.textProperty().bind(reviewModel.statusProperty());
        ListView<ReviewRow> rows = new ListView<>(reviewModel.rows());
        rows.setId("reviewRows");
        rows.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ReviewRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("row-high", "row-medium", "row-low");
                if (empty || r == null) {
                    setText(null);
                    return;
                }
                String marker = r.priority() == null ? "" : switch (r.priority()) {
                    case HIGH -> "!!! ";
                    case MEDIUM -> "!! ";
                    case LOW -> "! ";
                };
                setText(r.clock() + "  " + marker + r.text());
                if (r.priority() != null) {
                    getStyleClass().add("row-" + r.priority().key());
                }
            }
        });
        rows.setOnMouseClicked(e -> reviewModel.jumpToRow(rows.getSelectionModel().getSelectedIndex()));
        rows.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                reviewModel.jumpToRow(rows.getSelectionModel().getSelectedIndex());
            }
        });
        reviewModel.currentRowProperty().addListener((o, a, b) -> {
            int i = b.intValue();
            if (i >= 0 && !rows.isFocused()) {
                rows.getSelectionModel().select(i);
                rows.scrollTo(Math.max(0, i - 3));
            }
        });
        Label readout = new Label();
        readout.setId("reviewReadout");
        readout.getStyleClass().add("review-readout");
        readout.setWrapText(true);
        readout.textProperty().bind(reviewModel.readoutProperty());
        readout.setMinHeight(Region.USE_PREF_SIZE);
        VBox side = new VBox(6, readout, rows);
        VBox.setVgrow(rows, Priority.ALWAYS);
        side.setPadding(new Insets(0, 0, 0, 6));
        side.setPrefWidth(380);
        side.setMinWidth(260);
        HBox tools = new HBox(6, tool("−", "Zoom out (−)", reviewModel::zoomOut), tool("+", "Zoom in (+)", reviewModel::zoomIn),
                tool("◀", "Back in time (←)", () -> reviewModel.pan(-0.1)), tool("▶", "On in time (→)",
                        () -> reviewModel.pan(0.1)), tool("Whole session", "Show the whole session", reviewModel::showAll),
                tool("Next alarm", "Go to the next alarm after the cursor", reviewModel::nextAlarm),
                tool("Export…", "Export this session: CSV, PDF, HL7 or FHIR, de-identified if asked", this::export));
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox chartBox = new VBox(4, reviewChart, tools);
        VBox.setVgrow(reviewChart, Priority.ALWAYS);
        SplitPane split = new SplitPane(chartBox, side);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.74);
        BorderPane page = new BorderPane(split);
        VBox top = new VBox(2, header, status);
        top.setPadding(new Insets(0, 6, 6, 6));
        page.setTop(top);
        page.setId("reviewSessionPage");
        return page;
    }

    /** Opens the export dialog for the session shown (its exports run on a thread of their own). */
    private void export() {
        org.vigil.review.ReviewedSession shown = reviewModel.sessionProperty().get();
        if (shown == null) {
            return;
        }
        long id = shown.header().id();
        ReviewContext c = context;
        org.vigil.ui.export.ExportDialog.show(root.getScene() == null ? null : root.getScene().getWindow(),
                org.vigil.ui.export.ExportDialogModel.onFxThread(id,
                        java.nio.file.Path.of(System.getProperty("user.home"), "vigil-exports"),
                        (format, deidentify, protection, out, progress) -> {
                            org.vigil.review.SessionArchive archive = c.archive().get()
                                    .orElseThrow(() -> new java.io.IOException("the session database cannot be read now"));
                            org.vigil.export.SessionLog log = new org.vigil.export.SessionLogReader(archive, c.zone())
                                    .read(id).orElseThrow(() -> new java.io.IOException("no session " + id));
                            new org.vigil.export.SessionExports(org.vigil.export.ExporterFactory.standard(c.clock()),
                                    c.audit(), c.clock(), new java.security.SecureRandom())
                                    .export(log, format, deidentify, protection, out, c.actor().get(), progress);
                        }, exportThread));
    }

    private Button tool(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            action.run();
            reviewChart.requestFocus();
        });
        return b;
    }

    private Node coursePage() {
        TableView<CourseEntry> table = new TableView<>(courseModel.entries());
        table.setId("courseTable");
        table.getColumns().addAll(List.of(col("Date", 95, courseModel::date), col("Dose", 130, CourseModel::dose),
                col("Baseline", 120, CourseModel::baseline), col("Peak SBP", 120, e -> CourseModel.peak(e.peakSys(),
                        e.peakSysAtMin())), col("Peak DBP", 120, e -> CourseModel.peak(e.peakDia(), e.peakDiaAtMin())),
                col("Peak HR", 120, e -> CourseModel.peak(e.peakHr(), e.peakHrAtMin())),
                col("Lowest SpO2", 90, CourseModel::minSpo2), col("Alarms", 160, CourseModel::alarms),
                col("Adverse events", 200, CourseModel::adverse), col("Discharged", 85, courseModel::discharged)));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                openSession(table.getSelectionModel().getSelectedItem().header().id());
            }
        });
        TrendChart chart = new TrendChart(courseModel.chartState(), courseModel.viewport());
        chart.setId("courseChart");
        Label status = new Label();
        status.textProperty().bind(courseModel.statusProperty());
        SplitPane split = new SplitPane(table, chart);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        BorderPane page = new BorderPane(split);
        page.setTop(status);
        page.setId("reviewCoursePage");
        return page;
    }

    private static TableColumn<CourseEntry, String> col(String title, double width, Function<CourseEntry, String> text) {
        TableColumn<CourseEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        return c;
    }

    private Node comparePage() {
        TrendChart chart = new TrendChart(compareModel.chartState(), compareModel.viewport());
        chart.setId("compareChart");
        Label status = new Label();
        status.textProperty().bind(compareModel.statusProperty());
        BorderPane page = new BorderPane(chart);
        page.setTop(status);
        page.setId("reviewComparePage");
        return page;
    }

    // ---- navigation ----

    /** Called when the Review screen is shown: the list is (re)queried. */
    public void shown() {
        listModel.refresh();
        loadedOnce = true;
    }

    /**
     * Reads the session list while the pane is still hidden, once: its rows are laid out then, so
     * the first {@link #shown()} only checks them against the database (unchanged pages change
     * nothing) instead of making the table's rows, cells and their styles while the user waits.
     * Does nothing once the list has been read. Call it only when the list may be read (not at
     * the lock screen).
     */
    public void prepare() {
        if (!loadedOnce) {
            listModel.refresh();
            loadedOnce = true;
        }
    }

    /**
     * Empties the session list (at the lock screen: no past patient's name stays in the screen's
     * nodes); the table keeps its cells, so a later {@link #prepare()} or {@link #shown()} fills it
     * again without making them anew.
     */
    public void forgetList() {
        listModel.clear();
        loadedOnce = false;
    }

    void showList() {
        show(list.root());
        title.setText("Past sessions");
        back.setVisible(false);
        course.setVisible(true);
        compare.setVisible(true);
        if (loadedOnce) {
            listModel.refresh();
        }
    }

    /** Opens session {@code id} for review (recorded as viewed). */
    public void openSession(long id) {
        reviewModel.open(id);
        title.textProperty().unbind();
        title.textProperty().bind(reviewModel.titleProperty());
        showPage(reviewPage);
        reviewChart.requestFocus();
    }

    private void openCourse() {
        ListedSession selected = list.table().getSelectionModel().getSelectedItem();
        SessionRow r = selected == null ? null : selected.row();
        if (r == null || r.patientId() == 0) {
            listModel.statusProperty().set("Select a session of a patient first.");
            return;
        }
        courseModel.open(r.patientId());
        title.textProperty().unbind();
        title.textProperty().bind(courseModel.titleProperty());
        showPage(coursePage);
    }

    private void openCompare() {
        List<SessionRow> sel = list.table().getSelectionModel().getSelectedItems().stream().map(ListedSession::row)
                .toList();
        if (sel.size() != 2) {
            listModel.statusProperty().set("Select exactly two sessions (Ctrl-click) to compare them.");
            return;
        }
        // older as A
        SessionRow a = sel.get(0).start().isBefore(sel.get(1).start()) ? sel.get(0) : sel.get(1);
        SessionRow b = a == sel.get(0) ? sel.get(1) : sel.get(0);
        compareModel.open(a.id(), b.id());
        title.textProperty().unbind();
        title.textProperty().bind(compareModel.titleProperty());
        showPage(comparePage);
    }

    private void showPage(Node page) {
        show(page);
        back.setVisible(true);
        course.setVisible(false);
        compare.setVisible(false);
    }

    private void show(Node page) {
        if (page == list.root()) {
            title.textProperty().unbind();
        }
        for (Node n : pages.getChildren()) {
            n.setVisible(n == page);
        }
    }

    public Parent root() {
        return root;
    }

    SessionListModel listModel() {
        return listModel;
    }

    SessionReviewModel reviewModel() {
        return reviewModel;
    }

    CourseModel courseModel() {
        return courseModel;
    }

    CompareModel compareModel() {
        return compareModel;
    }

    TrendChart reviewChart() {
        return reviewChart;
    }
}
