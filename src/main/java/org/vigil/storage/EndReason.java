package org.vigil.storage;

/** Why a session ended, as stored in {@code session.end_reason}. */
public enum EndReason {
    /** The nurse ended the session normally. */
    CLOSED("closed"),
    /** The station stopped without ending the session (crash, power loss); found at the next start. */
    ENDED_ABNORMALLY("ended_abnormally");

    private final String key;

    EndReason(String key) {
        this.key = key;
    }

    /** The stored text, e.g. {@code ended_abnormally}. */
    public String key() {
        return key;
    }

    /** Looks a reason up by its {@link #key()}; throws {@link IllegalArgumentException} naming the text. */
    public static EndReason fromKey(String key) {
        for (EndReason r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown end reason '" + key + "' (expected closed or ended_abnormally)");
    }
}
