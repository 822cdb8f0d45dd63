package org.vigil.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.sim.protocol.SimDriver;
import org.vigil.sim.protocol.SimRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil fuzz}: the long value-checking fuzz run of a protocol's decoder (a short one runs in every build). */
@Command(name = "fuzz",
        mixinStandardHelpOptions = true,
        description = {
            "Mutates frames the simulator encodes (a byte replaced, dropped or inserted, the frame cut",
            "short, a piece repeated), feeds each between intact frames through the station's decoder",
            "and plausibility rules, and checks the values that come out: every value passed as valid",
            "must be plausible, and (Masimo) a frame that only lost bytes must give the values it",
            "carried or none. Prints one summary line; exits 1 when anything was found."},
        footer = {"", "Example:", "  java -jar vigil.jar fuzz --protocol ivy --frames 1000000 --seed 7"})
final class FuzzCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-p", "--protocol"}, required = true, paramLabel = "PROTOCOL",
            completionCandidates = ProtocolKeys.class,
            description = "Protocol to fuzz: ${COMPLETION-CANDIDATES}.")
    String protocol;

    ProtocolRegistry protocols = ProtocolRegistry.standard();
    SimRegistry simulators = SimRegistry.standard();

    @Option(names = "--frames", defaultValue = "1000000", paramLabel = "N",
            description = "Mutated frames to feed (default: ${DEFAULT-VALUE}).")
    long frames;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProtocolDriver p;
        SimDriver s;
        try {
            p = protocols.require(protocol);
            s = simulators.require(p.key());
        } catch (IllegalArgumentException e) {
            err.println("fuzz: " + e.getMessage());
            return 2;
        }
        if (frames < 1) {
            err.println("fuzz: --frames must be at least 1, not " + frames);
            return 2;
        }
        long start = System.nanoTime();
        ValueFuzzer.Result r = new ValueFuzzer(p, s, seed).run(frames);
        out.printf("fuzz %s seed %d: %s (%.1f s)%n", p.key(), seed, r.summary(), (System.nanoTime() - start) / 1e9);
        r.examples().forEach(e -> out.println("  " + e));
        return r.clean() ? 0 : 1;
    }
}
