package org.vigil.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The most urgent alarm in large text on a strip in the highest active priority's colour,
 * flashing with it. Shows "No active alarms" on a neutral strip otherwise.
 */
final class AlarmBanner extends VBox {

    AlarmBanner(AlarmAreaModel m) {
        getStyleClass().add("alarm-banner");
        setId("alarmBanner");
        setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("alarmBannerText");
        message.getStyleClass().add("alarm-banner-text");
        message.textProperty().bind(m.bannerTextProperty());
        Label detail = new Label();
        detail.setId("alarmBannerDetail");
        detail.getStyleClass().add("alarm-banner-detail");
        detail.textProperty().bind(m.bannerDetailProperty());
        detail.visibleProperty().bind(m.bannerDetailProperty().isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());
        getChildren().addAll(message, detail);
        AlarmStyles.bind(this, m.highestProperty(), m.flashOnProperty());
    }
}
