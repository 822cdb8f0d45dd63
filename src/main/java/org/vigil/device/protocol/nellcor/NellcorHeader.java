package org.vigil.device.protocol.nellcor;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.device.protocol.DeviceFrame;

/**
 * The header line a Nellcor oximeter repeats in its real-time output, which names the monitor and
 * its software: {@code N-595 VERSION 1.61.00 CRC:XXXX SpO2 Limit: 92-100% PR Limit: 90-180BPM}.
 * Shape: {@code N-} three digits, up to two letters (the model), blanks, {@code VERSION}, blanks,
 * the version (up to the next blank or the end of the line). It gives the model and the software
 * version, no serial number and no manufacturer's name.
 */
final class NellcorHeader {

    enum Match { NO, PREFIX, FULL }

    private static final String VERSION = "VERSION";
    /** Longest model and version token kept, in characters. */
    private static final int MAX_TOKEN = 16;

    private NellcorHeader() {
    }

    /**
     * Whether {@code text[at..)} is a whole header ({@link Match#FULL}: the version token ends at a
     * blank or at the end, {@code lineEnds} saying whether the end is the line's), could become one
     * with more bytes ({@link Match#PREFIX}), or is none.
     */
    static Match match(CharSequence text, int at, boolean lineEnds) {
        int n = text.length();
        int i = at;
        for (char c : new char[] {'N', '-'}) {
            if (i == n) {
                return Match.PREFIX;
            }
            if (text.charAt(i++) != c) {
                return Match.NO;
            }
        }
        for (int k = 0; k < 3; k++) {
            if (i == n) {
                return Match.PREFIX;
            }
            if (!isDigit(text.charAt(i++))) {
                return Match.NO;
            }
        }
        for (int k = 0; k < 2 && i < n && isLetter(text.charAt(i)); k++) {
            i++;
        }
        int blanks = i;
        while (i < n && text.charAt(i) == ' ') {
            i++;
        }
        if (i == n) {
            return Match.PREFIX;
        }
        if (i == blanks) {
            return Match.NO;
        }
        for (int k = 0; k < VERSION.length(); k++) {
            if (i == n) {
                return Match.PREFIX;
            }
            if (text.charAt(i++) != VERSION.charAt(k)) {
                return Match.NO;
            }
        }
        blanks = i;
        while (i < n && text.charAt(i) == ' ') {
            i++;
        }
        if (i == n) {
            return Match.PREFIX;
        }
        if (i == blanks) {
            return Match.NO;
        }
        int version = i;
        while (i < n && text.charAt(i) != ' ') {
            i++;
        }
        if (i - version > MAX_TOKEN) {
            return Match.NO;
        }
        return i < n || lineEnds ? Match.FULL : Match.PREFIX;
    }

    /** The identity frame of the whole header at {@code text[at..)} ({@link #match} said {@link Match#FULL}). */
    static DeviceFrame frame(String text, int at) {
        int dash = at + 2;
        int model = dash + 3;
        while (model < text.length() && isLetter(text.charAt(model))) {
            model++;
        }
        int v = text.indexOf(VERSION, model) + VERSION.length();
        while (text.charAt(v) == ' ') {
            v++;
        }
        int end = text.indexOf(' ', v);
        String version = text.substring(v, end < 0 ? text.length() : end);
        return new DeviceFrame(List.of(), Set.of(),
                Map.of(DeviceFrame.MODEL, text.substring(at, model), DeviceFrame.SOFTWARE, version));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
