package org.vigil.device.protocol.ivy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.vigil.device.protocol.DecoderContract;
import org.vigil.device.protocol.FrameDecoder;

/** The decoder contract on the first three complete messages of the real Ivy 450C capture. */
class IvyDecoderContractTest extends DecoderContract {

    private static final byte[] HEADER = "ANSAR-B ".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected FrameDecoder newDecoder() {
        return new IvyDecoder();
    }

    @Override
    protected List<byte[]> sampleFrames() {
        return List.of(IvyStreams.captureMessage(1), IvyStreams.captureMessage(2), IvyStreams.captureMessage(3));
    }

    /** Random bytes, start and end markers and partial headers; never a complete header. */
    @Override
    protected byte[] garbage(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = 1 + random.nextInt(6);
        for (int p = 0; p < pieces; p++) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    for (int i = 1 + random.nextInt(20); i > 0; i--) {
                        out.write(random.nextInt(256));
                    }
                }
                case 1 -> out.write(0xFF);
                case 2 -> out.write(0xFE);
                default -> {
                    out.write(0xFF);
                    out.write(HEADER, 0, random.nextInt(HEADER.length));
                }
            }
        }
        byte[] bytes = out.toByteArray();
        for (int i = 0; i + HEADER.length < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && Arrays.equals(bytes, i + 1, i + 1 + HEADER.length, HEADER, 0, HEADER.length)) {
                bytes[i] = 0;
            }
        }
        return bytes;
    }
}
