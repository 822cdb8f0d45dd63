package org.vigil.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.vigil.domain.Reading;

/** The generated sessions and fixed clock the export tests share. */
final class ExportFixtures {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final ZoneId ZONE = ZoneOffset.ofHours(1);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);

    private ExportFixtures() {
    }

    /** 20 minutes, a reading every 30 s: small enough for golden files. */
    static GeneratedSession small() {
        return new GeneratedSession(7, START, Duration.ofMinutes(20), Duration.ofSeconds(30));
    }

    static SessionLog smallLog() {
        return small().log(42, ZONE);
    }

    static List<Reading> readings(SessionLog log) throws IOException {
        List<Reading> out = new ArrayList<>();
        log.readings().forEach(out::add);
        return out;
    }

    static ExporterFactory factory() {
        return ExporterFactory.standard(CLOCK);
    }

    /** Compares with the golden file; {@code -Dexport.golden.update=true} rewrites it (then review the diff). */
    static void assertGolden(String name, String actual) throws IOException {
        Path golden = Path.of("src/test/resources/export/golden", name);
        if (Boolean.getBoolean("export.golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
        }
        String expected = Files.readString(golden);
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual, "golden file " + golden + " differs");
    }
}
