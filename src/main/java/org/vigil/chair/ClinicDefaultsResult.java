package org.vigil.chair;

/**
 * What happened when an admin saved a chair's limits as the clinic defaults.
 *
 * @param saved   true when the defaults were written and applied to every chair
 * @param message what to show: where they were saved and to how many chairs, or why not
 */
public record ClinicDefaultsResult(boolean saved, String message) {
}
