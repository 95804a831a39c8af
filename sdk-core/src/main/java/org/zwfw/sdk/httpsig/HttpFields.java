package org.zwfw.sdk.httpsig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The header fields of one HTTP message: field lines in the order they came, names in lower case
 * (HTTP field names are case-insensitive; RFC 9421 §2.1 uses them in lower case). Immutable.
 * {@code toString()} shows the names only: values can carry credentials.
 */
public final class HttpFields {

    private static final HttpFields EMPTY = new HttpFields(List.of());

    private final List<Map.Entry<String, String>> lines;

    private HttpFields(List<Map.Entry<String, String>> lines) {
        this.lines = lines;
    }

    /** @return no fields */
    public static HttpFields empty() {
        return EMPTY;
    }

    /**
     * @param nameValuePairs names and values, alternating
     * @return those field lines, in that order
     * @throws IllegalArgumentException for an odd count, an empty name or a value with CR, LF or NUL
     */
    public static HttpFields of(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            lines.add(line(nameValuePairs[i], nameValuePairs[i + 1]));
        }
        return new HttpFields(List.copyOf(lines));
    }

    /**
     * @param headers fields as the JDK's HTTP client or a server gives them: each name with its lines
     * @return those field lines, names in lower case
     */
    public static HttpFields of(Map<String, List<String>> headers) {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        headers.forEach((name, values) -> values.forEach(v -> lines.add(line(name, v))));
        return new HttpFields(List.copyOf(lines));
    }

    private static Map.Entry<String, String> line(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a field name is not empty");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the value of field " + name.toLowerCase(Locale.ROOT)
                    + " contains CR, LF or NUL");
        }
        return Map.entry(name.toLowerCase(Locale.ROOT), value);
    }

    /** @return every field line, in order, names in lower case */
    public List<Map.Entry<String, String>> lines() {
        return lines;
    }

    /**
     * @param name a field name, any case
     * @return the values of its lines, in order; empty when absent
     */
    public List<String> values(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        List<String> values = new ArrayList<>(1);
        for (Map.Entry<String, String> l : lines) {
            if (l.getKey().equals(n)) {
                values.add(l.getValue());
            }
        }
        return values;
    }

    /**
     * @param name a field name, any case
     * @return the value of its first line
     */
    public Optional<String> first(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> l : lines) {
            if (l.getKey().equals(n)) {
                return Optional.of(l.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * @param name  a field name
     * @param value its value
     * @return these fields with one more line at the end
     */
    public HttpFields with(String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(lines);
        copy.add(line(name, value));
        return new HttpFields(List.copyOf(copy));
    }

    /**
     * @param name  a field name
     * @param value its value
     * @return these fields without the lines of that name and with one line of it at the end
     */
    public HttpFields replace(String name, String value) {
        return without(name).with(name, value);
    }

    /**
     * @param name a field name, any case
     * @return these fields without its lines
     */
    public HttpFields without(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        List<Map.Entry<String, String>> copy = new ArrayList<>(lines.size());
        for (Map.Entry<String, String> l : lines) {
            if (!l.getKey().equals(n)) {
                copy.add(l);
            }
        }
        return new HttpFields(List.copyOf(copy));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpFields f && f.lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("HttpFields[");
        for (int i = 0; i < lines.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(lines.get(i).getKey());
        }
        return sb.append(']').toString();
    }
}
