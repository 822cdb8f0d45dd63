package org.vigil.device.transport;

/** Receives what a {@link Transport} reads. Called on the transport's own reader thread. */
public interface TransportListener {

    /** {@code len} bytes arrived in {@code data[0..len)}; the array is reused after return. */
    void onData(byte[] data, int len);

    /** The port went away (cable pulled, device closed), for {@code problem}. The transport is closed afterwards. */
    void onDisconnected(LinkProblem problem);
}
