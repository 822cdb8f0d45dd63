package org.vigil.app;

import java.io.IOException;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.transport.LinkProblem;
import org.vigil.device.transport.PtyTransport;
import org.vigil.device.transport.TcpTransport;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.Responder;
import org.vigil.sim.protocol.RespondingLink;
import org.vigil.sim.protocol.SimRegistry;

/**
 * One simulated device of a {@link FleetBench} fleet, its end of the link: a pty, or a TCP
 * connection to the station's HL7 listener, counted by a {@link CountingLink} and, for a device
 * that must be asked first, behind its responder.
 */
final class FleetLink {

    private final String chairId;
    private final int chair;
    private final FleetBench.Device device;
    private final PtyTransport pty;
    private CountingLink counting;
    private Transport playerSide;

    FleetLink(String chairId, int chair, FleetBench.Device device, PtyTransport pty) {
        this.chairId = chairId;
        this.chair = chair;
        this.device = device;
        this.pty = pty;
    }

    void open(ProtocolRegistry protocols, SimRegistry sims, int hl7Port) throws IOException {
        Transport inner;
        if (pty != null) {
            inner = pty;
        } else {
            TcpTransport tcp = new TcpTransport("127.0.0.1", hl7Port);
            tcp.open(ACKS_IGNORED);
            inner = tcp;
        }
        counting = new CountingLink(inner, protocols.require(device.protocol()).newDecoder());
        Optional<Responder> responder = sims.require(device.protocol()).newResponder();
        playerSide = responder.isPresent()
                ? new RespondingLink(counting, responder.get(), InstantSource.system()).start() : counting;
    }

    FleetBench.DeviceResult result(Station.DeviceTally t, List<Reading> chairReadings) {
        long pulse = 0;
        long foreign = 0;
        for (Reading r : chairReadings) {
            if (r.deviceId().equals(device.id()) && (r.vital() == Vital.HR || r.vital() == Vital.PR)) {
                pulse++;
                if (r.value() != FleetBench.pulseOf(chair)) {
                    foreign++;
                }
            }
        }
        return new FleetBench.DeviceResult(chairId, device.id(), device.protocol(), device.overTcp(), counting.frames(),
                t.frames(), counting.skippedBeforeFirstFrame(), counting.skippedAfterFirstFrame(),
                t.skippedBeforeFirstFrame(), t.skippedAfterFirstFrame(), counting.droppedBytes(), pulse, foreign);
    }

    void close() {
        if (counting != null) {
            counting.close();
        } else if (pty != null) {
            pty.close();
        }
    }

    String chairId() {
        return chairId;
    }

    int chair() {
        return chair;
    }

    FleetBench.Device device() {
        return device;
    }

    CountingLink counting() {
        return counting;
    }

    /** What the player writes to: the counting link, behind the responder for a device that must be asked. */
    Transport playerSide() {
        return playerSide;
    }

private static final TransportListener ACKS_IGNORED = new TransportListener() {
    @Override
    public void onData(byte[] data, int len) {
        // the station's acknowledgements: the simulated monitor sends on regardless
    }

    @Override
    public void onDisconnected(LinkProblem problem) {
        // the player logs failing writes
    }
};
}
