package org.vigil.config;

import java.time.Duration;
import org.vigil.yaml.Problems;

/**
 * The {@code interface_engine} section: where the station sends each signed session as an HL7
 * v2.6 ORU^R01 over MLLP. Example:
 * <pre>
 * interface_engine:
 *   host: mirth.clinic.local
 *   port: 6661
 *   connect_timeout: 5s     # optional
 *   ack_timeout: 30s        # optional
 *   first_retry: 10s        # optional; each further retry waits twice as long
 *   max_retry: 5m           # optional; the longest wait between retries
 * </pre>
 */
public record InterfaceEngineConfig(String host, int port, Duration connectTimeout, Duration ackTimeout,
        Duration firstRetry, Duration maxRetry) {

    static final java.util.List<String> KEYS = java.util.List.of("host", "port", "connect_timeout", "ack_timeout",
            "first_retry", "max_retry");

    /** Reads the section; problems go to {@code problems} with the file's line; null when absent or wrong. */
    static InterfaceEngineConfig read(Fields top, Problems problems) {
        if (!top.has("interface_engine")) {
            return null;
        }
        Fields f = new Fields(top.node("interface_engine"), "interface_engine", problems, KEYS);
        String host = f.string("host", true);
        Integer port = f.integer("port");
        if (!f.has("port")) {
            f.require("port");
        } else if (port != null && (port < 1 || port > 65535)) {
            f.problem("port", "must be 1-65535, got " + port);
            port = null;
        }
        Duration connect = orDefault(f.duration("connect_timeout", true), Duration.ofSeconds(5));
        Duration ack = orDefault(f.duration("ack_timeout", true), Duration.ofSeconds(30));
        Duration first = orDefault(f.duration("first_retry", true), Duration.ofSeconds(10));
        Duration max = orDefault(f.duration("max_retry", true), Duration.ofMinutes(5));
        if (max.compareTo(first) < 0) {
            f.problem("max_retry", "must not be shorter than first_retry (" + first.toSeconds() + "s)");
        }
        if (host == null || port == null) {
            return null;
        }
        return new InterfaceEngineConfig(host.trim(), port, connect, ack, first, max);
    }

    private static Duration orDefault(Duration d, Duration def) {
        return d == null ? def : d;
    }
}
