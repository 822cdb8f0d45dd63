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
import org.vigil.device.protocol.intellivue.Messages.PollResult;
import org.vigil.device.protocol.intellivue.Messages.SetRequest;
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
 *   <li>a set of the RTSA priority list → a set result naming the waves it now exports: the pleth
 *       if it was asked for (the only wave this monitor has), else none; on association the list
 *       is the pleth;</li>
 *   <li>a periodic extended poll of the real-time sample arrays ({@code NOM_ATTR_TIME_PD_POLL})
 *       → while it runs and the pleth is exported, a result with the poll's invoke id and poll
 *       number and a sequence number counting up for each pleth array of 256 ms
 *       ({@link IntellivuePleth}), sent from {@link #onTick} as the device clock completes it; a
 *       new one replaces the running one; a single wave poll → one result holding the arrays
 *       completed since the last, one object each (linked parts when they exceed the RS-232 MTU
 *       or {@code objectsPerPart} objects);</li>
 *   <li>Release Request → Release Response, not associated;</li>
 *   <li>nothing received for the association timeout while associated → Abort, not associated
 *       (the station must keep polling: a poll is the keep-alive).</li>
 * </ul>
 * Bytes come in through {@link #onReceived} in any chunks; the answers come back as complete
 * frames, in order. Without an {@code output} (the simulator registry's case) numerics and wave
 * polls get no answer of their own: the encoder's poll results are the replies, let out by
 * {@link #report}: its numerics while associated, its pleth arrays only while a periodic wave poll
 * runs and the pleth is exported, re-stamped with that poll's invoke id, poll number and sequence
 * numbers. Time is injected. Not thread-safe.
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
    private boolean plethExported = true;
    private Instant wavesUntil = Instant.MIN;
    private int waveInvokeId;
    private int wavePollNumber;
    private int waveSequence;
    private IntellivuePleth pleth = new IntellivuePleth();
    private long waveResults;
    /** The encoder's report bytes that are not a whole frame yet. */
    private byte[] reportRest = new byte[0];
    private final SerialFraming reportFraming = new SerialFraming();

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

    /** Wave results sent (or let out of the encoder's reports) so far. */
    public long waveResults() {
        return waveResults;
    }

    /** True while a periodic wave poll runs at {@code now} and the pleth is exported. */
    public boolean wavesPolled(Instant now) {
        return state == State.ASSOCIATED && plethExported && now.isBefore(wavesUntil);
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

    /**
     * Time passes: the association times out (Abort) when the station has gone quiet; with an
     * {@code output}, the pleth arrays completed by now go out while the wave poll runs.
     */
    public List<byte[]> onTick(Instant now) {
        replies.clear();
        timeout(now);
        if (output != null && wavesPolled(now)) {
            DeviceOutput out = output.get();
            for (IntellivuePleth.Array a : pleth.until(out.deviceClock(), IntellivueEncoder.pulse(out), out.sensorOff())) {
                sendWave(List.of(a), waveInvokeId, wavePollNumber, nextSequence());
            }
        }
        return List.copyOf(replies);
    }

    /**
     * What of the encoder's periodic report goes out now: nothing before the association; its
     * numerics results as they are; its pleth results only while a periodic wave poll runs and the
     * pleth is exported, with that poll's invoke id and poll number and the next sequence number.
     */
    @Override
    public byte[] report(byte[] report, Instant now) {
        if (!mayReport()) {
            return null;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(report.length);
        // a report may come in pieces (a writer that splits a frame): keep what is not a whole frame yet
        byte[] in = report;
        if (reportRest.length > 0) {
            in = java.util.Arrays.copyOf(reportRest, reportRest.length + report.length);
            System.arraycopy(report, 0, in, reportRest.length, report.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(in);
        reportFraming.read(buf, userData -> {
            Message m = MessageParser.parse(userData);
            if (m instanceof PollResult r && r.objectType() == NOM_MOC_VMO_METRIC_SA_RT) {
                if (wavesPolled(now)) {
                    out.writeBytes(SerialFraming.frame(restamp(userData, r.linkedState())));
                }
            } else {
                out.writeBytes(SerialFraming.frame(userData));
            }
        });
        reportRest = java.util.Arrays.copyOfRange(in, buf.position(), in.length);
        return out.toByteArray();
    }

    /**
     * {@code userData} of a wave result with the running wave poll's invoke id and poll number, and
     * a new sequence number for a whole result or a first part. Offsets: SPpdu 4, ROapdus 4,
     * (linked state and count 2), then the invoke id; after it command 2, length 2, ActionResult
     * 10, then the poll number and the sequence number.
     */
    private byte[] restamp(byte[] userData, int linkedState) {
        byte[] b = userData.clone();
        int at = 8 + (linkedState != 0 ? 2 : 0);
        put16(b, at, waveInvokeId);
        put16(b, at + 16, wavePollNumber);
        if (linkedState == 0 || linkedState == RORLS_FIRST) {
            waveResults++;
            nextSequence();
        }
        put16(b, at + 18, waveSequence);
        return b;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private int nextSequence() {
        waveSequence = (waveSequence + 1) & 0xFFFF;
        return waveSequence;
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
            answer(p, now);
        } else if (m instanceof SetRequest set && state == State.ASSOCIATED) {
            if (set.rtsaPriority() != null) {
                plethExported = set.rtsaPriority().contains(NLS_NOM_PULS_OXIM_PLETH);
            }
            send(IntellivueEncoder.setResult(set.invokeId(),
                    plethExported ? List.of(NLS_NOM_PULS_OXIM_PLETH) : List.of()));
        }
    }

    private void onControl(int spdu, Instant now) {
        if (spdu == CN_SPDU) {
            java.time.LocalDateTime deviceClock = output == null
                    ? java.time.LocalDateTime.ofInstant(now, java.time.ZoneId.systemDefault()) : output.get().deviceClock();
            String serial = output == null ? this.serial : output.get().serial();
            send(Association.response(8000));
            plethExported = true;
            wavesUntil = Instant.MIN;
            pleth = new IntellivuePleth();
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

    private void answer(PollRequest p, Instant now) {
        if (p.objectType() == NOM_MOC_VMO_METRIC_SA_RT) {
            answerWaves(p, now);
            return;
        }
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

    private void answerWaves(PollRequest p, Instant now) {
        pollsAnswered++;
        if (p.periodTicks() > 0) {
            wavesUntil = now.plusNanos(p.periodTicks() * 125_000L);
            waveInvokeId = p.invokeId();
            wavePollNumber = p.pollNumber();
            return;
        }
        if (output == null) {
            return;
        }
        DeviceOutput out = output.get();
        List<IntellivuePleth.Array> arrays = plethExported
                ? pleth.until(out.deviceClock(), IntellivueEncoder.pulse(out), out.sensorOff()) : List.of();
        if (arrays.isEmpty()) {
            send(IntellivueEncoder.pollResult(0, 0, p.invokeId(), p.actionType(), p.pollNumber(), p.objectType(),
                    IntellivueEncoder.ticks(out.deviceClock()), out.deviceClock(), List.of()));
        } else {
            sendWave(arrays, p.invokeId(), p.pollNumber(), p.actionType() == NOM_ACT_POLL_MDIB_DATA_EXT ? nextSequence() : 0);
        }
    }

    /**
     * One result holding {@code arrays} as objects of the pleth's handle, back to back in time and
     * stamped with the last one's end; split into linked parts when it exceeds the RS-232 MTU or
     * {@code objectsPerPart} objects.
     */
    private void sendWave(List<IntellivuePleth.Array> arrays, int invokeId, int pollNumber, int sequence) {
        List<IntellivueEncoder.WaveObject> objects = new ArrayList<>();
        for (IntellivuePleth.Array a : arrays) {
            objects.add(a.object(true));
        }
        IntellivuePleth.Array last = arrays.get(arrays.size() - 1);
        waveResults++;
        for (byte[] part : IntellivueEncoder.waveResults(invokeId, pollNumber, sequence,
                IntellivueEncoder.ticks(last.end()), last.end(), objects, Association.RS232_MTU, objectsPerPart)) {
            send(part);
        }
    }

    private void send(byte[] userData) {
        replies.add(SerialFraming.frame(userData));
    }
}
