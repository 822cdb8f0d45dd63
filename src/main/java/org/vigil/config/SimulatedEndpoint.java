package org.vigil.config;

/**
 * The built-in device simulator. {@code scenario} is the scenario file it plays (resolved against
 * the configuration file's folder when loaded from a file), or null for the built-in default
 * scenario (a steady, healthy patient).
 */
public record SimulatedEndpoint(String scenario) implements Endpoint {

    @Override
    public String describe() {
        return scenario == null ? "simulated" : "simulated:" + scenario;
    }
}
