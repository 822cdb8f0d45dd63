package org.vigil.ui;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Each device with its endpoint and connection state, coloured by state, and what it told about itself (model, serial). */
final class DeviceStatusBar extends HBox {

    DeviceStatusBar(javafx.collections.ObservableList<DeviceRow> rows) {
        super(18);
        getStyleClass().add("device-bar");
        setId("deviceBar");
        setAlignment(Pos.CENTER_RIGHT);
        rows.addListener((ListChangeListener<DeviceRow>) c -> rebuild(rows));
        rebuild(rows);
    }

    private void rebuild(java.util.List<DeviceRow> rows) {
        getChildren().clear();
        for (DeviceRow r : rows) {
            Label state = new Label(r.stateText());
            state.setId("deviceState-" + r.id());
            state.getStyleClass().add("device-state");
            state.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            String pseudo = r.state() == null ? "unknown" : r.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            state.pseudoClassStateChanged(PseudoClass.getPseudoClass(pseudo), true);
            Label name = new Label(r.label());
            name.getStyleClass().add("device-name");
            Label endpoint = new Label(r.detailText());
            endpoint.setId("deviceDetail-" + r.id());
            endpoint.getStyleClass().add("device-endpoint");
            endpoint.setWrapText(true);
            endpoint.setMaxWidth(300);
            if (r.state() != null && r.state() != org.vigil.chair.ConnectionState.CONNECTED) {
                endpoint.getStyleClass().add("device-problem");
            }
            VBox box = new VBox(0, new HBox(8, name, state), endpoint);
            String identity = r.identityText();
            if (!identity.isEmpty()) {
                Label who = new Label(identity);
                who.setId("deviceIdentity-" + r.id());
                who.getStyleClass().addAll("device-endpoint", "device-identity");
                who.setMaxWidth(300);
                // a serial cut short names no device: the line keeps its width
                who.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                box.getChildren().add(who);
            }
            box.getStyleClass().add("device");
            getChildren().add(box);
        }
    }
}
