package org.vigil.device.protocol.masimo;

import java.util.List;
import java.util.Random;
import org.vigil.device.protocol.DecoderContract;
import org.vigil.device.protocol.FrameDecoder;

/** The decoder contract on the sample Rad-8 / Radical lines (CR LF terminated). */
class MasimoDecoderContractTest extends DecoderContract {

    @Override
    protected FrameDecoder newDecoder() {
        return new MasimoDecoder();
    }

    @Override
    protected List<byte[]> sampleFrames() {
        return SampleLines.sample().stream().map(l -> SampleLines.ascii(l + "\r\n")).toList();
    }

    /** Line terminators between lines are not garbage: an empty line is skipped without being counted. */
    @Override
    protected long countedAsDiscarded(byte[] garbage) {
        long n = 0;
        for (byte b : garbage) {
            n += b == '\r' || b == '\n' ? 0 : 1;
        }
        return n;
    }

    /** Up to 40 bytes, half of them from the characters of a line (digits, clock, field names, CR, LF). */
    @Override
    protected byte[] garbage(Random random) {
        byte[] alphabet = SampleLines.ascii("0123456789/: \r\n=-%ABCSPO");
        byte[] noise = new byte[1 + random.nextInt(40)];
        for (int k = 0; k < noise.length; k++) {
            noise[k] = random.nextBoolean() ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
        }
        return noise;
    }
}
