/**
 * The read side: past sessions read back for review and export, from the session database only
 * (storage and the domain, never the chair runtime or a device). {@link org.vigil.review.SessionArchive}
 * is the entry point; its types are this package's own, so a screen or an exporter needs nothing
 * of storage. Every call blocks on the disk: call it off the FX thread.
 */
package org.vigil.review;
