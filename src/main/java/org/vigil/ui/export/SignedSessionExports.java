package org.vigil.ui.export;

import java.util.Optional;

/**
 * The discharge action's port: the export dialog of the session last signed at a chair (the
 * session just closed), which the app builds. {@link #NONE} when the station cannot export.
 */
@FunctionalInterface
public interface SignedSessionExports {

    /** The dialog model for the last session signed at {@code chairId} by {@code user}, if there is one. */
    Optional<ExportDialogModel> lastSigned(String chairId, org.vigil.domain.Actor user);

    SignedSessionExports NONE = (chair, user) -> Optional.empty();
}
