package org.vigil.device.protocol.hl7;

import java.util.Objects;

/**
 * Why a message is not taken: the HL7 error code (table 0357) and a reason in words, both sent
 * back in the AE acknowledgement (MSA-3 and ERR).
 *
 * @param controlId MSH-10 when it could be read, else empty
 * @param code      HL7 table 0357 code, e.g. 200 "Unsupported message type"
 * @param reason    one line, e.g. {@code unsupported message type ADT^A01 (expected ORU^R01)}
 */
public record Hl7Rejection(String controlId, ErrorCode code, String reason) {

    public Hl7Rejection {
        Objects.requireNonNull(controlId, "controlId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }

    /** The HL7 v2 table 0357 message error condition codes the station sends. */
    public enum ErrorCode {
        SEGMENT_SEQUENCE(100, "Segment sequence error"),
        REQUIRED_FIELD_MISSING(101, "Required field missing"),
        DATA_TYPE(102, "Data type error"),
        UNSUPPORTED_MESSAGE_TYPE(200, "Unsupported message type"),
        UNSUPPORTED_EVENT(201, "Unsupported event code"),
        UNSUPPORTED_VERSION(203, "Unsupported version id"),
        UNKNOWN_KEY(204, "Unknown key identifier"),
        INTERNAL(207, "Application internal error");

        private final int code;
        private final String text;

        ErrorCode(int code, String text) {
            this.code = code;
            this.text = text;
        }

        public int code() {
            return code;
        }

        public String text() {
            return text;
        }
    }
}
