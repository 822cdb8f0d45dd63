package org.vigil.sim.protocol;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * Bytes come in through {@link #onReceived} in any chunks; the answers come back as complete
 * frames, in order. Without an {@code output} (the simulator registry's case) numerics polls get
 * no answer of their own: the encoder's poll results, sent while {@link #mayReport()}, are the
 * replies. Time is injected. Not thread-safe.
 */
public final class IntellivueResponder implements Responder {

    /** Where the simulated monitor is. */
    public enum State { IDLE, WAITING_FOR_MDS_RESULT, ASSOCIATED }

    private final Supplier<DeviceOutput> output;
    /** The serial the MDS create event names when there is no {@code output} to take it from; null: the default. */
    private final String serial;
    private final List<byte[]> replies = new ArrayList<>();
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
     * @param output             the vitals at the moment of a poll, or null: numerics polls are then
     *                           answered by the encoder's periodic results
     * @param associationTimeout how long the monitor waits for a message before it aborts
     * @param objectsPerPart     largest number of objects in one poll result; more are linked parts
     */
    public IntellivueResponder(Supplier<DeviceOutput> output, InstantSource clock, Duration associationTimeout,
            int objectsPerPart) {
        this(output, null, clock, associationTimeout, objectsPerPart);
    }

    /**
     * As above, the MDS create event naming the monitor by {@code serial} when there is no
     * {@code output} (null: {@code SIM0000001}).
     */
    public IntellivueResponder(Supplier<DeviceOutput> output, String serial, InstantSource clock, Duration associationTimeout,
            int objectsPerPart) {
        this.output = output;
        this.serial = serial;
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

    @Override
    public boolean mayReport() {
        return state == State.ASSOCIATED;
    }

    @Override
    public List<byte[]> onReceived(byte[] bytes, Instant now) {
        replies.clear();
        timeout(now);
        int i = 0;
        while (i < bytes.length) {
            int n = Math.min(pending.remaining(), bytes.length - i);
            pending.put(bytes, i, n);
            i += n;
            pending.flip();
            framing.read(pending, this::onFrame);
            pending.compact();
        }
        return List.copyOf(replies);
    }

    /** Time passes: the association times out (Abort) when the station has gone quiet. */
    public List<byte[]> onTick(Instant now) {
        replies.clear();
        timeout(now);
        return List.copyOf(replies);
    }

    private void timeout(Instant now) {
        if (state != State.IDLE && !now.isBefore(lastReceived.plus(associationTimeout))) {
            state = State.IDLE;
            send(Association.abort());
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
            java.time.LocalDateTime deviceClock = output == null
                    ? java.time.LocalDateTime.ofInstant(now, java.time.ZoneId.systemDefault()) : output.get().deviceClock();
            String serial = output == null ? this.serial : output.get().serial();
            send(Association.response(8000));
            eventInvokeId = (eventInvokeId + 1) & 0xFFFF;
            send(IntellivueEncoder.mdsCreateEvent(eventInvokeId, IntellivueEncoder.ticks(deviceClock), deviceClock,
                    serial));
            state = State.WAITING_FOR_MDS_RESULT;
        } else if (spdu == FN_SPDU) {
            send(Association.releaseResponse());
            state = State.IDLE;
        } else if (spdu == AB_SPDU) {
            state = State.IDLE;
        }
    }

    private void answer(PollRequest p) {
        if (output == null && p.objectType() == NOM_MOC_VMO_METRIC_NU) {
            return;
        }
        pollsAnswered++;
        DeviceOutput out = output == null ? null : output.get();
        if (out == null) {
            send(IntellivueEncoder.pollResult(0, 0, p.invokeId(), p.actionType(), p.pollNumber(), p.objectType(),
                    IntellivueEncoder.ticks(java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)),
                    null, List.of()));
            return;
        }
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
        replies.add(SerialFraming.frame(userData));
    }
}
