package org.vigil.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Files of the shared research pack (real captures and recordings whose licences keep them out
 * of this repository), which lies beside the checkout as {@code ../shared}. On a user's clone
 * without it the tests that read it are skipped, saying which file is absent; under CI
 * ({@code CI=true}) the pack is always laid beside the clone, so an absent file fails the test
 * instead of skipping it silently.
 */
public final class ResearchPack {

    private static final Path ROOT = Path.of("..", "shared", "protocols");

    private ResearchPack() {
    }

    /** {@code ../shared/protocols/<folder>/<file>}, or a skip (a failure under CI) when absent. */
    public static Path file(String folder, String file) {
        Path p = ROOT.resolve(folder).resolve(file);
        if (!Files.isRegularFile(p)) {
            if (runningInCi()) {
                fail("research pack file absent under CI=true (it must run, not skip): " + p.toAbsolutePath());
            }
            Assumptions.abort("research pack file absent (../shared is not beside this clone): " + p);
        }
        return p;
    }

    static boolean runningInCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
