package org.vigil.device.protocol;

import java.util.Optional;
import java.util.Set;
import org.vigil.domain.Vital;

/**
 * One protocol the station speaks, as a plug-in: everything the station needs to know about
 * it, listed once in {@code org.vigil.device.ProtocolRegistry}. A driver holds no state (its
 * decoders and sessions do), so one instance serves every device; implementations live in their
 * vendor package ({@code device.protocol.<vendor>}) and are typically records without
 * components, so that two instances are equal.
 */
public interface ProtocolDriver {

    /** The key used in configuration, scenario files and on the command line, e.g. {@code masimo}. Lower case. */
    String key();

    /** One line for help and logs, e.g. {@code Masimo pulse oximeter (serial ASCII 1)}. */
    String description();

    /** The label a configured device gets when the file gives none, e.g. {@code SpO2 device}. */
    String defaultLabel();

    /** The link settings used when the configuration gives none, e.g. 9600 8N1. */
    LinkSettings defaultLink();

    /**
     * The serial settings of {@link #defaultLink()} when it is a serial link, else 9600 8N1 (a
     * value a link that is not serial never uses).
     */
    default SerialSettings defaultSerial() {
        return defaultLink() instanceof SerialSettings s ? s : new SerialSettings(9600, 8, 'N', 1);
    }

    /** The alarmable vitals this protocol can report; also a device's default {@code vitals:} list. */
    Set<Vital> vitals();

    /** A fresh decoder for one link (decoders keep per-connection state). */
    FrameDecoder newDecoder();

    /** How this protocol reports NIBP results. */
    NibpPolicy nibpPolicy();

    /**
     * A fresh session for one opened link of a request/response device; empty for a device that
     * streams on its own once powered (the default).
     */
    default Optional<ProtocolSession> newSession() {
        return Optional.empty();
    }
}
