package org.vigil.config;

/** Builds the dotted key paths printed in errors: {@code chairs[0].devices[1].protocol}. */
final class KeyPaths {

    private KeyPaths() {
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }
}
