package org.vigil.ui.chart;

/**
 * One cuff (NIBP) measurement at {@code time} (epoch ms): drawn as a bar from diastolic to
 * systolic with a point at the mean ({@code NaN} when the device gave none).
 */
public record CuffReading(long time, double sys, double dia, double mean) {
}
