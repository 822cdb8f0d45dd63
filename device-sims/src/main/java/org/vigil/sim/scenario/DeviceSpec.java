package org.vigil.sim.scenario;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.vigil.domain.Vital;

/**
 * One simulated device of a scenario.
 *
 * @param protocol      the protocol key, as in {@code SimRegistry} ({@code masimo}, {@code ivy})
 * @param reports       the vitals the device sends; {@code nibp} in the file stands for
 *                      {@code NIBP_SYS}, {@code NIBP_DIA} and {@code NIBP_MEAN}
 * @param nibpInterval  time between automatic cuff measurements (default 5 min; unused without NIBP)
 * @param cuffInflation extension: how long the cuff inflates before each cuff measurement after
 *                      t = 0 (default {@link #defaultCuffInflation}), or zero for none
 * @param serial        extension: the serial number the device prints, if any
 * @param sameArmAs     extension (oximeters): the id of the NIBP device whose cuff is on the same
 *                      arm; stored for the station, which marks SpO2 read during inflation as artifact
 */
public record DeviceSpec(
        String protocol,
        Set<Vital> reports,
        Duration nibpInterval,
        Duration cuffInflation,
        Optional<String> serial,
        Optional<String> sameArmAs) {

    /** The default automatic cuff interval. */
    public static final Duration DEFAULT_NIBP_INTERVAL = Duration.ofMinutes(5);
    /** The default cuff inflation of a device that reports NIBP, as a real cuff takes about that long. */
    public static final Duration DEFAULT_CUFF_INFLATION = Duration.ofSeconds(20);

    /**
     * The cuff inflation of a device reporting NIBP whose file gives none: {@link #DEFAULT_CUFF_INFLATION},
     * or half the interval when that is shorter, so that an inflation always fits between two
     * measurements.
     */
    public static Duration defaultCuffInflation(Duration nibpInterval) {
        Duration half = nibpInterval.dividedBy(2);
        return half.compareTo(DEFAULT_CUFF_INFLATION) < 0 ? half : DEFAULT_CUFF_INFLATION;
    }

    public DeviceSpec {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(nibpInterval, "nibpInterval");
        Objects.requireNonNull(cuffInflation, "cuffInflation");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(sameArmAs, "sameArmAs");
        reports = reports.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(reports));
    }

    /** True when the device takes cuff measurements. */
    public boolean reportsNibp() {
        return reports.contains(Vital.NIBP_SYS);
    }
}
