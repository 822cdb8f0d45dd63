package org.vigil.ui;

/** The three trend charts: title, unit, default value range and grid step. */
enum TrendKind {
    HEART("HR / PR", "/min", 40, 160, 20),
    SPO2("SpO2", "%", 80, 100, 5),
    NIBP("NIBP", "mmHg", 40, 200, 40);

    final String title;
    final String unit;
    /** Default lower end of the value axis; widened when data goes below. */
    final double min;
    /** Default upper end of the value axis; widened when data goes above. */
    final double max;
    final double step;

    TrendKind(String title, String unit, double min, double max, double step) {
        this.title = title;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.step = step;
    }
}
