package org.vigil.sim.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a simulated V7.0 Contec oximeter reacts to what the host sends: it streams real-time data
 * only after the start command ({@code 7D 81 A1 80 80 80 80 80 80}), stops on the stop command
 * ({@code A2}) and, like the real device, stops by itself when it has heard no command for
 * {@link #SILENCE_LIMIT} (the host sends the keep-alive {@code AF} every 5 s); streaming then
 * needs a new start command. It answers the device-id command ({@code AA}) with a 0x04 packet
 * of seven ASCII bytes. Commands are nine bytes, assembled across calls; a byte with bit 7
 * clear other than 0x7D, or a command cut short by another type byte, is dropped. Other
 * commands (stored-data download, time setting, PI support) are ignored. Time comes with each
 * received block and, for {@link #mayReport()} (which the simulator asks without a time), from
 * the clock given at construction. Not thread-safe: one per simulated device.
 */
public final class ContecResponder implements Responder {

    /** Silence after which the device stops streaming. */
    public static final Duration SILENCE_LIMIT = Duration.ofSeconds(15);

    private static final int COMMAND = 0x7D;
    private static final int LENGTH = 9;

    private final String deviceId;
    private final InstantSource clock;
    private final byte[] command = new byte[LENGTH];
    private int have;
    private boolean started;
    private Instant lastHeard;

    /**
     * @param deviceId what the device answers to the device-id command, at most 7 ASCII characters
     * @param clock    the time {@link #mayReport()} judges the silence by
     */
    public ContecResponder(String deviceId, InstantSource clock) {
        Objects.requireNonNull(deviceId, "deviceId");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (deviceId.length() > 7 || !StandardCharsets.US_ASCII.newEncoder().canEncode(deviceId)) {
            throw new IllegalArgumentException("a Contec device id is at most 7 ASCII characters: '" + deviceId + "'");
        }
        this.deviceId = deviceId;
    }

    /** Takes bytes the host sent at {@code now}; returns the packets to answer at once (often none). */
    @Override
    public List<byte[]> onReceived(byte[] data, Instant now) {
        List<byte[]> answer = new ArrayList<>(1);
        for (int i = 0; i < data.length; i++) {
            int b = data[i] & 0xFF;
            if ((b & 0x80) == 0) {
                have = 0;
                if (b != COMMAND) {
                    continue;
                }
            } else if (have == 0) {
                continue;
            }
            command[have++] = (byte) b;
            if (have == LENGTH) {
                have = 0;
                byte[] reply = execute(now);
                if (reply.length > 0) {
                    answer.add(reply);
                }
            }
        }
        return answer;
    }

    /** True while the device streams, judged at the clock's time. */
    @Override
    public boolean mayReport() {
        return streaming(clock.instant());
    }

    /** True when the device streams real-time data at {@code now}. */
    public boolean streaming(Instant now) {
        if (started && now.isAfter(lastHeard.plus(SILENCE_LIMIT))) {
            started = false;
        }
        return started;
    }

    private byte[] execute(Instant now) {
        int code = (command[2] & 0x7F) | ((command[1] & 1) << 7);
        streaming(now); // a silence over the limit has stopped the stream before this command
        lastHeard = now;
        switch (code) {
            case 0xA1 -> started = true;
            case 0xA2 -> started = false;
            case 0xAA -> {
                return deviceIdPacket();
            }
            default -> {
                // keep-alive (0xAF) only refreshes lastHeard; the rest is not simulated
            }
        }
        return new byte[0];
    }

    private byte[] deviceIdPacket() {
        String padded = String.format("%-7s", deviceId);
        int[] chars = new int[7];
        for (int k = 0; k < 7; k++) {
            chars[k] = padded.charAt(k);
        }
        return V7Coding.packet(0x04, chars);
    }
}
