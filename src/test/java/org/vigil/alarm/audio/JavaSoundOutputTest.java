package org.vigil.alarm.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.Priority;

class JavaSoundOutputTest {

    /** A stand-in line that records calls and bytes. */
    private static final class LineRecorder {
        final List<String> calls = new ArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AudioFormat format;
        int bufferBytes;
        boolean open;
        LineUnavailableException failOpen;

        SourceDataLine line() {
            return (SourceDataLine) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {SourceDataLine.class}, (proxy, method, args) -> {
                        calls.add(method.getName());
                        switch (method.getName()) {
                            case "open" -> {
                                if (failOpen != null) {
                                    throw failOpen;
                                }
                                format = (AudioFormat) args[0];
                                bufferBytes = (Integer) args[1];
                                open = true;
                                return null;
                            }
                            case "write" -> {
                                bytes.write((byte[]) args[0], (Integer) args[1], (Integer) args[2]);
                                return args[2];
                            }
                            case "isOpen" -> {
                                return open;
                            }
                            case "close" -> {
                                open = false;
                                return null;
                            }
                            default -> {
                                return null;
                            }
                        }
                    });
        }
    }

    @Test
    void writesMonoSixteenBitLittleEndianPcm() throws IOException {
        LineRecorder rec = new LineRecorder();
        JavaSoundOutput out = new JavaSoundOutput(Duration.ofMillis(200), f -> rec.line());
        out.open(44_100);
        out.write(new short[] {7, 0x1234, -2, 9}, 1, 2);

        assertEquals(1, rec.format.getChannels());
        assertEquals(16, rec.format.getSampleSizeInBits());
        assertEquals(AudioFormat.Encoding.PCM_SIGNED, rec.format.getEncoding());
        assertEquals(44_100f, rec.format.getSampleRate());
        assertEquals(false, rec.format.isBigEndian());
        assertEquals(44_100 / 5 * 2, rec.bufferBytes, "200 ms of buffer");
        assertArrayEquals(new byte[] {0x34, 0x12, (byte) 0xFE, (byte) 0xFF}, rec.bytes.toByteArray());
        assertEquals(List.of("open", "start", "isOpen", "write"), rec.calls);
    }

    @Test
    void flushAndCloseReachTheLine() throws IOException {
        LineRecorder rec = new LineRecorder();
        JavaSoundOutput out = new JavaSoundOutput(Duration.ofMillis(100), f -> rec.line());
        out.open(44_100);
        out.flush();
        out.close();
        out.close();

        assertEquals(List.of("open", "start", "flush", "stop", "flush", "close"), rec.calls);
        assertThrows(IOException.class, () -> out.write(new short[1], 0, 1), "writing after close fails");
    }

    @Test
    void missingLineBecomesAnIOExceptionThatSaysWhy() {
        JavaSoundOutput out = new JavaSoundOutput(Duration.ofMillis(200), f -> {
            throw new IllegalArgumentException("No line matching interface SourceDataLine is supported.");
        });

        IOException e = assertThrows(IOException.class, () -> out.open(44_100));
        assertTrue(e.getMessage().contains("No line matching"), e.getMessage());
    }

    @Test
    void lineThatCannotOpenIsClosedAndReported() {
        LineRecorder rec = new LineRecorder();
        rec.failOpen = new LineUnavailableException("device busy");
        JavaSoundOutput out = new JavaSoundOutput(Duration.ofMillis(200), f -> rec.line());

        IOException e = assertThrows(IOException.class, () -> out.open(44_100));
        assertTrue(e.getMessage().contains("device busy"), e.getMessage());
        assertEquals("close", rec.calls.get(rec.calls.size() - 1));
    }

    @Test
    void playerOnAMachineWithoutAudioLinesReportsAudioUnavailable() {
        JavaSoundOutput out = new JavaSoundOutput(Duration.ofMillis(200), f -> {
            throw new IllegalArgumentException("No line matching interface SourceDataLine is supported.");
        });
        List<String> events = new ArrayList<>();
        UnavailableListener listener = new UnavailableListener() {
            @Override
            public void onUnavailable(String reason) {
                events.add(reason);
            }

            @Override
            public void onAvailable() {
                events.add("available");
            }
        };
        Sleeper noWait = new Sleeper() {
            @Override
            public void sleep(Duration duration) {
            }

            @Override
            public void wake() {
            }
        };
        try (AlarmSoundPlayer player = new AlarmSoundPlayer(out, listener, new ToneSynthesizer(), Clock.systemUTC(),
                noWait, false)) {
            player.play(Optional.of(Priority.HIGH));
            player.step();
            player.step();
        }

        assertEquals(1, events.size());
        assertTrue(events.get(0).contains("No line matching"), events.get(0));
    }

    @Test
    void unreasonableBufferIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new JavaSoundOutput(Duration.ofMillis(5)));
    }
}
