package org.vigil.device.protocol.hl7;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;

/**
 * Decodes HL7 v2 ORU^R01 messages (IHE PCD-01) pushed by monitors and gateways, MLLP-framed on a
 * TCP link or plain in a file, into one {@link DeviceFrame} per message.
 *
 * <pre>
 *   +------+------------------------------------------------------------+------+------+
 *   | 0x0B | MSH|^~\&amp;|APP|FAC|||20250610015127+0800||ORU^R01^ORU_R01|ID|P|2.6 CR  | 0x1C | 0x0D |
 *   |      | PV1||I|^^B-01 CR                                                    |      |      |
 *   |      | OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.3.1.150456|97|262688^MDC_DIM_PERCENT^MDC|||||F|||20250610015127 CR |
 *   +------+------------------------------------------------------------+------+------+
 * </pre>
 * Framing: {@link MllpFramer} (MLLP, HL7 v2.5.1 Appendix C; or plain segments separated by CR,
 * LF or CR LF); reading: {@link Hl7MessageReader} (HAPI HL7v2; OBX-3 by MDC code, LOINC or MDC
 * reference id; OBX-6 units; OBX-11 status; sentinels). Sources: HL7 v2.6 chapter 7, IHE PCD
 * Technical Framework vol. 2 (PCD-01), IEEE 11073-10101 nomenclature.
 *
 * <p>A message that is not an ORU^R01 or cannot be parsed gives no frame: its bytes count as
 * discarded and {@link #rejectedMessages()} counts it. A message without vital observations
 * still gives a frame (with its attributes): the monitor is there. Not thread-safe: one per link.
 */
public final class Hl7Decoder implements FrameDecoder {

    private static final Logger log = LoggerFactory.getLogger(Hl7Decoder.class);

    private final MllpFramer framer = new MllpFramer();
    private Hl7MessageReader reader;
    private long rejectedBytes;
    private long rejected;

    /** Creates a decoder with nothing read yet (the HAPI parser is created with the first message). */
    public Hl7Decoder() {
        // counters start at zero
    }

    @Override
    public void decode(ByteBuffer in, Consumer<DeviceFrame> out) {
        framer.frames(in, false, (content, length) -> read(content, length, out));
    }

    /**
     * Decodes a whole file: MLLP frames and plain messages (segments separated by CR, LF or
     * CR LF), a plain message running to the end of the input being complete. On a link
     * ({@link #decode}) only MLLP frames are messages.
     */
    @Override
    public void decodeLast(ByteBuffer in, Consumer<DeviceFrame> out) {
        framer.frames(in, true, (content, length) -> read(content, length, out));
    }

    private void read(byte[] content, int length, Consumer<DeviceFrame> out) {
        Hl7MessageReader.Result r = reader().read(content);
        if (r.message() != null) {
            out.accept(r.message().frame());
            return;
        }
        rejected++;
        rejectedBytes += length;
        log.info("HL7 message refused: {}", r.rejection().reason());
    }

    private Hl7MessageReader reader() {
        if (reader == null) {
            reader = new Hl7MessageReader();
        }
        return reader;
    }

    @Override
    public long discardedBytes() {
        return framer.discardedBytes() + rejectedBytes;
    }

    /** Complete messages that gave no frame (not an ORU^R01, or unparseable). */
    public long rejectedMessages() {
        return rejected;
    }

    @Override
    public int maxFrameLength() {
        return MllpFramer.MAX_FRAME;
    }
}
