package org.vigil.device.protocol.hl7;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.hl7.Hl7Rejection.ErrorCode;

/**
 * One monitor's (or gateway's) connection to the station's HL7 listener, without the socket:
 * bytes in, acknowledgements out. Each complete message ({@link MllpFramer}) is scanned for its
 * header and bed ({@link Hl7Header}, no HAPI parse: the chair's decoder reads the message, once)
 * and
 * <ul>
 *   <li>an ORU^R01 whose PV1-3 names a registered bed ({@link Hl7Beds}) is handed, MLLP-framed,
 *       to that bed's sink and acknowledged {@code AA};</li>
 *   <li>a message without a location, for a bed no chair has, not an ORU^R01, not starting with
 *       MSH or of an unknown HL7 version is acknowledged {@code AE} with the reason (MSA-3, ERR)
 *       and goes nowhere.</li>
 * </ul>
 * A routed message whose body HAPI cannot parse (an OBX that breaks the syntax) is acknowledged
 * {@code AA} here and refused by the chair's decoder, which counts it as discarded bytes.
 * The connection stays up either way: one bad message never costs the monitor its link. Bytes
 * that belong to no message are skipped, as by the decoder. One instance per connection, fed by
 * one thread.
 */
public final class MllpSession {

    private static final Logger log = LoggerFactory.getLogger(MllpSession.class);

    private final Hl7Beds beds;
    private final Clock clock;
    private final String remote;
    private final MllpFramer framer = new MllpFramer();
    private final ByteBuffer buffer = ByteBuffer.allocate(MllpFramer.MAX_FRAME * 2);
    private long acks;
    private long rejected;

    /**
     * @param beds   where messages go
     * @param clock  the station's clock, for the acknowledgements' MSH-7
     * @param remote the peer, for the log ({@code 10.0.0.7:50412})
     */
    public MllpSession(Hl7Beds beds, Clock clock, String remote) {
        this.beds = Objects.requireNonNull(beds);
        this.clock = Objects.requireNonNull(clock);
        this.remote = Objects.requireNonNull(remote);
    }

    /** Takes {@code data[0..len)}; returns the acknowledgements to send, one per complete message, in order. */
    public List<byte[]> receive(byte[] data, int len) {
        List<byte[]> replies = new ArrayList<>(1);
        int off = 0;
        while (off < len) {
            int n = Math.min(len - off, buffer.remaining());
            buffer.put(data, off, n);
            off += n;
            buffer.flip();
            framer.frames(buffer, false, (content, length) -> replies.add(handle(content)));
            buffer.compact();
        }
        return replies;
    }

    /** Messages refused (answered AE) so far. */
    public long rejectedMessages() {
        return rejected;
    }

    private byte[] handle(byte[] content) {
        LocalDateTime now = LocalDateTime.now(clock);
        long number = ++acks;
        Hl7Header.Scan scan = Hl7Header.scan(content);
        if (scan.rejection() != null) {
            return refuse(scan.rejection(), "", "", now, number);
        }
        Hl7Header h = scan.header();
        if (h.location().isEmpty()) {
            return refuse(new Hl7Rejection(h.controlId(), ErrorCode.REQUIRED_FIELD_MISSING,
                    "no patient location in PV1-3: the station routes by bed"), h.sendingApplication(), h.sendingFacility(),
                    now, number);
        }
        Optional<Consumer<byte[]>> sink = beds.find(h.location());
        if (sink.isEmpty()) {
            return refuse(new Hl7Rejection(h.controlId(), ErrorCode.UNKNOWN_KEY,
                    "no chair is set to bed '" + h.location().text() + "'"), h.sendingApplication(), h.sendingFacility(),
                    now, number);
        }
        sink.get().accept(Hl7Ack.frame(content));
        return Hl7Ack.accept(h.controlId(), h.sendingApplication(), h.sendingFacility(), now, number);
    }

    private byte[] refuse(Hl7Rejection why, String app, String facility, LocalDateTime now, long number) {
        rejected++;
        log.info("HL7 message from {} refused: {}", remote, why.reason());
        return Hl7Ack.reject(why, app, facility, now, number);
    }
}
