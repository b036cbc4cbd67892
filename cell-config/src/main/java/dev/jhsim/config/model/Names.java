package dev.jhsim.config.model;

import java.nio.charset.StandardCharsets;

/** Fixed-size, NUL-terminated name fields. Names are kept byte-for-byte (ISO-8859-1). */
public final class Names {
    private Names() {
    }

    static void check(String name, int fieldBytes, String what) {
        if (name == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " contains a NUL character");
        }
        byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
        if (!new String(bytes, StandardCharsets.ISO_8859_1).equals(name)) {
            throw new IllegalArgumentException(what + " '" + name + "' has characters outside ISO-8859-1");
        }
        if (bytes.length > fieldBytes - 1) {
            throw new IllegalArgumentException(what + " '" + name + "' is " + bytes.length
                    + " bytes long, at most " + (fieldBytes - 1) + " fit");
        }
    }
}
