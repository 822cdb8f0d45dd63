package org.vigil.device.transport;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Why a link to a device failed: the {@link LinkFault}, the endpoint as a nurse knows it
 * ({@code /dev/ttyUSB0}, {@code 10.0.0.7:4001}) and the driver's own text, which goes to the log
 * only. {@link #plainText()} is what the screen shows: the cause in plain words and what to check.
 */
public record LinkProblem(LinkFault fault, String endpoint, String driverDetail) {

    public LinkProblem {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(endpoint, "endpoint");
        driverDetail = driverDetail == null ? "" : driverDetail;
    }

    /**
     * The problem behind a failed open: the transport's own {@link LinkException}, or, for a
     * transport that threw something else, what the exception's type says.
     */
    public static LinkProblem of(Throwable e, String endpoint) {
        if (e instanceof LinkException le) {
            return le.problem();
        }
        String detail = e.toString();
        LinkFault fault;
        if (e instanceof ConnectException) {
            fault = LinkFault.REFUSED;
        } else if (e instanceof SocketTimeoutException) {
            fault = LinkFault.TIMED_OUT;
        } else if (e instanceof UnknownHostException) {
            fault = LinkFault.UNKNOWN_HOST;
        } else if (e instanceof NoRouteToHostException) {
            fault = LinkFault.UNREACHABLE;
        } else {
            fault = LinkFault.OTHER;
        }
        return new LinkProblem(fault, endpoint, detail);
    }

    /** The cause in plain words with what to check, e.g. "/dev/ttyUSB0 not found: check the adapter's cable". */
    public String plainText() {
        return switch (fault) {
            case NOT_FOUND -> endpoint + " not found: check the adapter's cable and the port name in the configuration";
            case NO_PERMISSION -> "no permission to open " + endpoint
                    + ": ask an admin to add the station user to the dialout group";
            case BUSY -> endpoint + " is in use by another program: close it, or check that no other device uses this port";
            case NOT_A_SERIAL_PORT -> endpoint + " is not a serial port: check the port name in the configuration";
            case UNPLUGGED -> endpoint + " went away: check the adapter's cable and that the device is on";
            case READ_FAILED -> "reading from " + endpoint + " failed: check the cable; retrying";
            case REFUSED -> endpoint + " refused the connection: check that the converter is on and the port number";
            case TIMED_OUT -> endpoint + " did not answer: check that the converter is on and its network cable";
            case UNKNOWN_HOST -> endpoint + ": unknown host name: check the address in the configuration";
            case UNREACHABLE -> endpoint + " cannot be reached: check the network cable";
            case CLOSED_BY_PEER -> endpoint + " closed the connection: check the converter";
            case OTHER -> "cannot open " + endpoint + ": see the station log";
        };
    }

    /** For the log: the plain words and, in brackets, the driver's own. */
    public String logText() {
        return plainText() + (driverDetail.isEmpty() ? "" : " [" + driverDetail + "]");
    }

    @Override
    public String toString() {
        return fault + " " + endpoint + (driverDetail.isEmpty() ? "" : " (" + driverDetail + ")");
    }
}
