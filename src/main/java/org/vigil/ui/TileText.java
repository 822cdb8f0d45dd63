package org.vigil.ui;

/**
 * The text of one numerics tile for one frame.
 *
 * @param label  parameter name, e.g. {@code HR} or {@code PR}
 * @param value  the big number(s) or dashes
 * @param unit   unit symbol
 * @param detail secondary number (PI, NIBP mean)
 * @param note   small note, e.g. "3 min ago"
 * @param flag   validity text, e.g. "SENSOR OFF" or "?"; empty when clean
 * @param dimmed true when the value is absent, stale or flagged invalid
 */
record TileText(String label, String value, String unit, String detail, String note, String flag, boolean dimmed) {
}
