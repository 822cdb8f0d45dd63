/**
 * Sending signed sessions to the clinic's interface engine (issue 11): the durable outbox in the
 * session database ({@code storage.OutboxStore}, schema step 5), {@link org.vigil.export.outbox.OutboxSender}
 * (its own thread, injected clock, backoff, strictly in order) and the MLLP exchange
 * ({@link org.vigil.export.outbox.Mllp}: 0x0B message 0x1C 0x0D, then the engine's ACK).
 */
package org.vigil.export.outbox;
