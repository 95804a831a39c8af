package org.zwfw.sdk.credential;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A path to a claim inside a JSON object: member names and array indexes, e.g.
 * {@code address.street} or {@code nationalities[1]}. Used to say which claims are selectively
 * disclosable at issuance and which to disclose in a presentation. Immutable and thread-safe.
 */
public final class ClaimPath {

    private final List<Object> segments;
    private int hash;

    private ClaimPath(List<Object> segments) {
        this.segments = Collections.unmodifiableList(segments);
    }

    /**
     * @param segments member names ({@link String}) and array indexes ({@link Integer} ≥ 0), at
     *                 least one, starting with a name
     * @return the path
     * @throws IllegalArgumentException for an empty path, a negative index or another type
     */
    public static ClaimPath of(Object... segments) {
        if (segments.length == 0) {
            throw new IllegalArgumentException("a claim path needs at least one segment");
        }
        List<Object> list = new ArrayList<>(segments.length);
        for (Object s : segments) {
            checkSegment(s);
            list.add(s);
        }
        if (!(list.get(0) instanceof String)) {
            throw new IllegalArgumentException("a claim path starts with a member name");
        }
        return new ClaimPath(list);
    }

    private static void checkSegment(Object s) {
        if (s instanceof Integer) {
            if ((Integer) s < 0) {
                throw new IllegalArgumentException("array index must not be negative");
            }
        } else if (!(s instanceof String)) {
            throw new IllegalArgumentException("claim path segments are names (String) or indexes (Integer)");
        }
    }

    /**
     * Parses {@code a.b[2].c}: names separated by dots, indexes in brackets. Names containing
     * dots or brackets need {@link #of(Object...)}.
     *
     * @param text the path text
     * @return the path
     * @throws IllegalArgumentException naming the problem
     */
    public static ClaimPath parse(String text) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in claim path '" + text + "'");
                }
                try {
                    out.add(Integer.parseInt(text.substring(i + 1, close)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("array index in claim path '" + text + "' is not a number");
                }
                i = close + 1;
                if (i < n && text.charAt(i) == '.') {
                    i++;
                }
            } else {
                int end = i;
                while (end < n && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                if (end == i) {
                    throw new IllegalArgumentException("empty name in claim path '" + text + "'");
                }
                out.add(text.substring(i, end));
                i = end < n && text.charAt(end) == '.' ? end + 1 : end;
                if (end < n && text.charAt(end) == '.' && i == n) {
                    throw new IllegalArgumentException("claim path '" + text + "' ends with '.'");
                }
            }
        }
        return of(out.toArray());
    }

    /** @return the segments: String names and Integer indexes */
    public List<Object> segments() {
        return segments;
    }

    /** @return the number of segments */
    public int size() {
        return segments.size();
    }

    /** @return the path without its last segment, or {@code null} for a top-level claim */
    public ClaimPath parent() {
        return segments.size() == 1 ? null : new ClaimPath(new ArrayList<>(segments.subList(0, segments.size() - 1)));
    }

    /**
     * @param segment a name or index
     * @return this path extended by one segment
     */
    public ClaimPath child(Object segment) {
        checkSegment(segment);
        List<Object> list = new ArrayList<>(segments.size() + 1);
        list.addAll(segments);
        list.add(segment);
        return new ClaimPath(list);
    }

    /**
     * @param other a path
     * @return whether {@code other} equals this path or lies below it
     */
    public boolean isPrefixOf(ClaimPath other) {
        return other.segments.size() >= segments.size() && other.segments.subList(0, segments.size()).equals(segments);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClaimPath && segments.equals(((ClaimPath) o).segments);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(segments);
            hash = h;
        }
        return h;
    }

    /** @return the dotted form, e.g. {@code address.street} or {@code nationalities[1]} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer) {
                sb.append('[').append(s).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(s);
            }
        }
        return sb.toString();
    }
}
