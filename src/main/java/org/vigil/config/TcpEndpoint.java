package org.vigil.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/** A TCP server that streams a device's bytes (a serial-to-Ethernet adapter or a simulator). */
public record TcpEndpoint(String host, int port) implements Endpoint {

    public TcpEndpoint {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("TCP port must be 1-65535: " + port);
        }
    }

    @Override
    public String describe() {
        return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Parses {@code tcp://HOST:PORT} (IPv6 hosts in brackets). */
    static TcpEndpoint parse(String text) {
        String bad = "bad TCP address '" + text + "' (expected tcp://HOST:PORT, e.g. tcp://127.0.0.1:5000)";
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(bad, e);
        }
        String host = uri.getHost();
        if (host == null || uri.getPort() < 0 || (uri.getPath() != null && !uri.getPath().isEmpty())
                || uri.getQuery() != null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException(bad);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (uri.getPort() < 1 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("bad TCP port in '" + text + "' (expected 1-65535)");
        }
        return new TcpEndpoint(host, uri.getPort());
    }
}
