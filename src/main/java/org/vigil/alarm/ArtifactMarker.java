package org.vigil.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * Marks SpO2 and pulse-rate readings taken while the NIBP cuff on the same arm is inflated as
 * {@link ReadingFlag#QUESTIONABLE}, so they are stored flagged and ignored by the alarm engine.
 * Used by the station core on every reading before storage and the engine, on one thread.
 *
 * <p>A cuff device is "up" from a NIBP reading flagged {@link ReadingFlag#CUFF_INFLATING} until
 * {@link #DEFAULT_TAIL} (3 s) after the last such reading, ending early at the next valid NIBP
 * measurement. A cuff that reports inflating and then goes silent stops marking readings after
 * the tail, so a dead cuff device never hides a desaturation for more than a few seconds; a cuff
 * that keeps reporting inflating stops marking {@link #MAX_INFLATION} after it went up (the
 * longest measurement an adult NIBP may take).
 */
public final class ArtifactMarker {

    /** How long after the cuff's last inflating reading SpO2/PR stay questionable. */
    public static final Duration DEFAULT_TAIL = Duration.ofSeconds(3);
    /** The longest a cuff counts as up without an inflating reading every few seconds. */
    public static final Duration MAX_INFLATION = Duration.ofSeconds(180);

    private static final class Cuff {
        boolean inflating;
        Instant upSince;
        Instant lastInflating;
    }

    private final Duration tail;
    private final Map<String, String> cuffOf = new HashMap<>();
    private final Map<String, Cuff> cuffs = new HashMap<>();

    public ArtifactMarker() {
        this(DEFAULT_TAIL);
    }

    public ArtifactMarker(Duration tail) {
        this.tail = Objects.requireNonNull(tail, "tail");
    }

    /** Registers a device; only its {@link DeviceAlarmProfile#sameArmAsCuffOf()} matters here. */
    public void addDevice(DeviceAlarmProfile p) {
        if (p.sameArmAsCuffOf() != null) {
            cuffOf.put(p.deviceId(), p.sameArmAsCuffOf());
        }
    }

    /** Returns {@code r}, or {@code r} flagged questionable when it is a same-arm SpO2/PR reading while the cuff is up. */
    public Reading mark(Reading r) {
        Vital v = r.vital();
        if (v.isNibp()) {
            track(r);
            return r;
        }
        if (v != Vital.SPO2 && v != Vital.PR) {
            return r;
        }
        String cuffId = cuffOf.get(r.deviceId());
        if (cuffId == null || r.flags().contains(ReadingFlag.QUESTIONABLE)) {
            return r;
        }
        Cuff c = cuffs.get(cuffId);
        return c != null && up(c, r.time()) ? r.withFlag(ReadingFlag.QUESTIONABLE) : r;
    }

    private void track(Reading r) {
        Cuff c = cuffs.computeIfAbsent(r.deviceId(), k -> new Cuff());
        if (r.flags().contains(ReadingFlag.CUFF_INFLATING)) {
            if (c.upSince == null || (!c.inflating && r.time().isAfter(c.lastInflating.plus(tail)))) {
                c.upSince = r.time(); // a new inflation, not the same measurement resuming within the tail
            }
            c.inflating = true;
            c.lastInflating = r.time();
        } else if (r.isValid()) {
            c.inflating = false;
            c.upSince = null;
            c.lastInflating = null;
        } else {
            c.inflating = false;
        }
    }

    private boolean up(Cuff c, Instant at) {
        if (c.lastInflating == null || at.isAfter(c.lastInflating.plus(tail))) {
            // not inflating, or the cuff device stopped saying so (measured, or fell silent):
            // a silent cuff never hides a desaturation for longer than the tail
            return false;
        }
        // a cuff that keeps reporting "inflating" past the longest adult measurement is stuck
        return !at.isAfter(c.upSince.plus(MAX_INFLATION));
    }
}
