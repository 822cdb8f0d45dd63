package org.vigil.domain;

/** Units of measure carried by every {@link Vital}; never guessed from a value. */
public enum Unit {
    PER_MIN("/min"),
    PERCENT("%"),
    MMHG("mmHg");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    /** The printable symbol, e.g. {@code mmHg}. */
    public String symbol() {
        return symbol;
    }
}
