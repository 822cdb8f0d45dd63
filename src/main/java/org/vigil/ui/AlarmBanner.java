package org.vigil.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The most urgent alarm (banner order, docs/ALARMS.md) in large text on a strip in that alarm's
 * priority colour, flashing with it. Shows "No active alarms" on a neutral strip otherwise. The
 * screen's frame and the chair's tab keep the highest priority on the chair.
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
        AlarmStyles.bind(this, m.bannerPriorityProperty(), m.bannerFlashOnProperty());
    }
}
