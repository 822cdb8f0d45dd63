package org.vigil.storage;

/**
 * Told by {@link RecordingWriter} when recording to disk stops and starts working again; the
 * station turns this into the "recording unavailable" technical alarm. Called on the writer
 * thread: implementations hand the news on and return, they must not block.
 */
public interface WriterListener {

    /**
     * Recording is failing: once at the start of each failure episode (a failed commit, rows
     * refused because the queue is full, or rows the database rejected). Rows not yet written stay
     * queued and are retried at every flush interval.
     */
    void onFailure(Exception cause);

    /** The first commit after a failure episode succeeded; everything still queued was written. */
    void onRecovered();
}
