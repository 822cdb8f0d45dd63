package org.vigil.sim.protocol;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.vigil.device.protocol.intellivue.Association;
import org.vigil.device.protocol.intellivue.MessageParser;
import org.vigil.device.protocol.intellivue.Messages.Control;
import org.vigil.device.protocol.intellivue.Messages.EventReportResult;
import org.vigil.device.protocol.intellivue.Messages.Message;
import org.vigil.device.protocol.intellivue.Messages.PollRequest;
import org.vigil.device.protocol.intellivue.SerialFraming;
import org.vigil.sim.protocol.IntellivueEncoder.PolledObject;

/**
 * A simulated IntelliVue monitor's Data Export port: it answers what the station sends.
 * <ul>
 *   <li>Association Request → Association Response, then the MDS create event (confirmed);</li>
 *   <li>the station's answer to it (EventReportResult) → associated;</li>
 *   <li>a poll request while associated → a poll result of the vitals {@code output} gives at that
 *       moment ({@link IntellivueEncoder}); numerics polls are split into linked parts (ROLRS
 *       first … last) of at most {@code objectsPerPart} objects; polls of other objects get an
 *       empty result (the keep-alive);</li>
 *   <li>Release Request → Release Response, not associated;</li>
 *   <li>nothing received for the association timeout while associated → Abort, not associated
 *       (the station must keep polling: a poll is the keep-alive).</li>
 * </ul>
 * Bytes come in through {@link #onBytes} in any chunks; each answer leaves as one complete frame
 * to the channel. Time is injected. Not thread-safe.
 */
public final class IntellivueResponder {

    /** Where the simulated monitor is. */
    public enum State { IDLE, WAITING_FOR_MDS_RESULT, ASSOCIATED }

    private final Supplier<DeviceOutput> output;
    private final Consumer<byte[]> channel;
    private final InstantSource clock;
    private final Duration associationTimeout;
    private final int objectsPerPart;
    private final SerialFraming framing = new SerialFraming();
    private final ByteBuffer pending = ByteBuffer.allocate(SerialFraming.MAX_WIRE_LENGTH * 2);
    private State state = State.IDLE;
    private Instant lastReceived = Instant.MIN;
    private int eventInvokeId;
    private long pollsAnswered;

    /**
     * @param output             the vitals at the moment of a poll
     * @param channel            receives each complete frame the monitor sends
     * @param associationTimeout how long the monitor waits for a message before it aborts
     * @param objectsPerPart     largest number of objects in one poll result; more are linked parts
     */
    public IntellivueResponder(Supplier<DeviceOutput> output, Consumer<byte[]> channel, InstantSource clock,
            Duration associationTimeout, int objectsPerPart) {
        this.output = Objects.requireNonNull(output, "output");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.associationTimeout = Objects.requireNonNull(associationTimeout, "associationTimeout");
        if (objectsPerPart < 1) {
            throw new IllegalArgumentException("objectsPerPart must be at least 1");
        }
        this.objectsPerPart = objectsPerPart;
    }

    public State state() {
        return state;
    }

    /** Poll requests answered so far. */
    public long pollsAnswered() {
        return pollsAnswered;
    }

    /** Bytes from the station, in any chunks. */
    public void onBytes(byte[] data, int offset, int length) {
        int i = offset;
        while (i < offset + length) {
            int n = Math.min(pending.remaining(), offset + length - i);
            pending.put(data, i, n);
            i += n;
            pending.flip();
            framing.read(pending, this::onFrame);
            pending.compact();
        }
    }

    public void onBytes(byte[] data) {
        onBytes(data, 0, data.length);
    }

    /** Time passes: the association times out when the station has gone quiet. */
    public void onTick(Instant now) {
        if (state != State.IDLE && !now.isBefore(lastReceived.plus(associationTimeout))) {
            state = State.IDLE;
            channel.accept(SerialFraming.frame(Association.abort()));
        }
    }

    private void onFrame(byte[] userData) {
        Instant now = clock.instant();
        lastReceived = now;
        Message m = MessageParser.parse(userData);
        if (m instanceof Control c) {
            onControl(c.spdu(), now);
        } else if (m instanceof EventReportResult r && state == State.WAITING_FOR_MDS_RESULT
                && r.invokeId() == eventInvokeId) {
            state = State.ASSOCIATED;
        } else if (m instanceof PollRequest p && state == State.ASSOCIATED) {
            answer(p);
        }
    }

    private void onControl(int spdu, Instant now) {
        if (spdu == CN_SPDU) {
            DeviceOutput out = output.get();
            send(Association.response(8000));
            eventInvokeId = (eventInvokeId + 1) & 0xFFFF;
            send(IntellivueEncoder.mdsCreateEvent(eventInvokeId, IntellivueEncoder.ticks(out.deviceClock()),
                    out.deviceClock(), out.serial()));
            state = State.WAITING_FOR_MDS_RESULT;
        } else if (spdu == FN_SPDU) {
            send(Association.releaseResponse());
            state = State.IDLE;
        } else if (spdu == AB_SPDU) {
            state = State.IDLE;
        }
    }

    private void answer(PollRequest p) {
        pollsAnswered++;
        DeviceOutput out = output.get();
        long ticks = IntellivueEncoder.ticks(out.deviceClock());
        List<PolledObject> objects = p.objectType() == NOM_MOC_VMO_METRIC_NU ? IntellivueEncoder.objects(out) : List.of();
        if (objects.size() <= objectsPerPart) {
            send(IntellivueEncoder.pollResult(0, 0, p.invokeId(), p.actionType(), p.pollNumber(), p.objectType(), ticks,
                    out.deviceClock(), objects));
            return;
        }
        List<List<PolledObject>> parts = new ArrayList<>();
        for (int i = 0; i < objects.size(); i += objectsPerPart) {
            parts.add(objects.subList(i, Math.min(objects.size(), i + objectsPerPart)));
        }
        for (int k = 0; k < parts.size(); k++) {
            int linkedState = k == 0 ? RORLS_FIRST : k == parts.size() - 1 ? RORLS_LAST : RORLS_NOT_FIRST_NOT_LAST;
            send(IntellivueEncoder.pollResult(linkedState, k + 1, p.invokeId(), p.actionType(), p.pollNumber(),
                    p.objectType(), ticks, out.deviceClock(), parts.get(k)));
        }
    }

    private void send(byte[] userData) {
        channel.accept(SerialFraming.frame(userData));
    }
}
