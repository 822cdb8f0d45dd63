package org.vigil.yaml;

/** Builds the dotted key paths printed in problems: {@code chairs[0].devices[1].protocol}. */
public final class KeyPaths {

    private KeyPaths() {
    }

    /** {@code parent.key}, or just {@code key} at the top of the document (empty parent). */
    public static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** {@code parent[i]}. */
    public static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }
}
