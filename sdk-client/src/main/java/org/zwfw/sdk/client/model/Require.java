package org.zwfw.sdk.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The checks the models' constructors share. */
final class Require {

    private Require() {
    }

    /**
     * Checks that a required member is present (also when a reader passes {@code null} for it).
     *
     * @param value the member's value
     * @param name  its JSON name, for the message
     * @throws IllegalArgumentException when it is {@code null}
     */
    static void present(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("missing required member '" + name + "'");
        }
    }

    /**
     * Checks that exactly one of some members is present.
     *
     * @param names  the members' JSON names, for the message
     * @param values their values
     * @throws IllegalArgumentException when none or several are present
     */
    static void exactlyOne(String names, Object... values) {
        int present = 0;
        for (Object v : values) {
            if (v != null) {
                present++;
            }
        }
        if (present != 1) {
            throw new IllegalArgumentException("exactly one of " + names + " is required, " + present + " given");
        }
    }

    /**
     * Copies a map into an unmodifiable one that keeps the order of its members.
     *
     * @param map the map
     * @param <V> its value type
     * @return the copy
     */
    static <V> Map<String, V> copy(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
