package org.vigil.storage;

/**
 * A session database could not be opened, migrated, read or written. The message names the file
 * (when known) and what went wrong, in words a technician can act on.
 */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
