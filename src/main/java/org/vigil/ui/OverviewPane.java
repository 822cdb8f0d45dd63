package org.vigil.ui;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * Up to eight chairs at a glance, one card each (binds to {@link ChairSummaryModel}s): chair and
 * patient initials, phase and timer, HR/SpO2/NIBP, the worst alarm in its priority colour
 * (flashing as on the chair screen), the next cuff reading due. Clicking a card opens its chair.
 */
final class OverviewPane extends GridPane {

    static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
    static final PseudoClass LINK_PROBLEM = PseudoClass.getPseudoClass("link-problem");

    OverviewPane(List<ChairSummaryModel> chairs, IntConsumer open) {
        setId("overview");
        getStyleClass().add("overview");
        setHgap(10);
        setVgap(10);
        int columns = chairs.size() <= 2 ? chairs.size() : chairs.size() <= 4 ? 2 : 4;
        int rows = (chairs.size() + columns - 1) / columns;
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(rc);
        }
        for (int i = 0; i < chairs.size(); i++) {
            int index = i;
            VBox card = card(chairs.get(i));
            card.setOnMouseClicked(e -> open.accept(index));
            add(card, i % columns, i / columns);
        }
    }

    private static VBox card(ChairSummaryModel m) {
        Label chair = label(m.labelProperty().get(), "card-chair");
        Label initials = new Label();
        initials.getStyleClass().add("card-initials");
        initials.textProperty().bind(m.initialsProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(10, chair, gap, initials);
        head.setAlignment(Pos.CENTER_LEFT);

        Label phase = new Label();
        phase.getStyleClass().add("card-phase");
        phase.textProperty().bind(m.phaseProperty());

        HBox numbers = new HBox(18, numeric(m, "hr"), numeric(m, "spo2"), numeric(m, "nibp"));
        numbers.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(numbers, Priority.ALWAYS);

        Label alarm = new Label();
        alarm.getStyleClass().add("card-alarm");
        alarm.setMaxWidth(Double.MAX_VALUE);
        alarm.textProperty().bind(m.alarmTextProperty());
        alarm.visibleProperty().bind(m.alarmTextProperty().isNotEmpty());
        AlarmStyles.bind(alarm, m.alarmProperty(), m.flashOnProperty());

        Label cuff = new Label();
        cuff.getStyleClass().add("card-due");
        cuff.textProperty().bind(m.nextCuffProperty());
        m.cuffOverdueProperty().addListener((o, a, b) -> cuff.pseudoClassStateChanged(OVERDUE, b));

        Label links = new Label();
        links.getStyleClass().add("card-links");
        links.setId("links-" + m.feed().chairId());
        links.setWrapText(true);
        links.textProperty().bind(m.linksProperty());
        m.linkProblemProperty().addListener((o, a, b) -> links.pseudoClassStateChanged(LINK_PROBLEM, b));

        VBox card = new VBox(4, head, phase, numbers, alarm, cuff, links);
        card.getStyleClass().add("overview-card");
        card.setId("card-" + m.feed().chairId());
        card.setMinSize(0, 0);
        AlarmStyles.bind(card, m.alarmProperty(), m.flashOnProperty());
        return card;
    }

    private static VBox numeric(ChairSummaryModel m, String kind) {
        Label name = new Label();
        name.getStyleClass().add("card-numeric-label");
        Label value = new Label();
        value.getStyleClass().add("card-numeric-value");
        switch (kind) {
            case "hr" -> {
                name.textProperty().bind(m.heartLabelProperty());
                value.textProperty().bind(m.heartProperty());
            }
            case "spo2" -> {
                name.setText("SpO2 %");
                value.textProperty().bind(m.spo2Property());
            }
            default -> {
                name.setText("NIBP");
                value.textProperty().bind(m.nibpProperty());
            }
        }
        value.setId("card-" + m.feed().chairId() + "-" + kind);
        value.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(0, name, value);
        box.getStyleClass().addAll("card-numeric", "card-" + kind);
        return box;
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
