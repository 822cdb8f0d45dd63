package org.vigil.export;

/**
 * How an export reports how far it is and learns that it was cancelled. Exporters call
 * {@link #checkpoint(double)} often (every few thousand readings); it throws
 * {@link ExportCancelledException} once cancelled.
 */
public interface ExportProgress {

    /** Called with the share done, 0..1. */
    void done(double fraction);

    /** True once the user cancelled. */
    boolean cancelled();

    /** Reports {@code fraction} and throws when cancelled. */
    default void checkpoint(double fraction) {
        if (cancelled()) {
            throw new ExportCancelledException();
        }
        done(Math.max(0, Math.min(1, fraction)));
    }

    /** No reporting, never cancelled. */
    ExportProgress NONE = new ExportProgress() {
        @Override
        public void done(double fraction) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
