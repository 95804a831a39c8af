package org.zwfw.sdk.sandbox.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parameters of a query string or an {@code application/x-www-form-urlencoded} body, read
 * strictly: {@code name=value} pairs separated by {@code &}, {@code +} for a space, percent
 * escapes of two hexadecimal digits, UTF-8 after decoding; at most {@value #MAX_PARAMETERS}
 * pairs. Empty pairs ({@code a=1&&b=2}) are skipped, and a parameter sent without a value is as
 * if omitted (RFC 6749 §3.1). Repetition is kept, so that callers refuse a repeated parameter
 * (RFC 6749 §3.1: "MUST NOT be included more than once") instead of picking one copy. Immutable.
 */
public final class FormParams {

    /** Most pairs accepted: far above any protocol message, low enough to bound the work. */
    public static final int MAX_PARAMETERS = 64;

    /** A query or form body that is not well-formed; the message never repeats its text. */
    public static final class FormException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FormException(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, List<String>> values;

    private FormParams(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * @param body the body bytes, ASCII as the media type requires
     * @return the parameters
     * @throws FormException when not well-formed
     */
    public static FormParams parse(byte[] body) {
        for (byte b : body) {
            if (b < 0x20 || b > 0x7e) {
                throw new FormException("the form body has a byte outside printable ASCII; percent-encode it");
            }
        }
        return parse(new String(body, StandardCharsets.US_ASCII));
    }

    /**
     * @param text a raw query string or form body
     * @return the parameters
     * @throws FormException when not well-formed
     */
    public static FormParams parse(String text) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int count = 0;
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_PARAMETERS) {
                throw new FormException("more than " + MAX_PARAMETERS + " parameters");
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name.isEmpty()) {
                throw new FormException("a parameter has no name");
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return new FormParams(values);
    }

    private static String decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw new FormException("a percent escape is not two hexadecimal digits");
                }
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else if (c < 0x20 || c > 0x7e) {
                throw new FormException("a character outside printable ASCII is not percent-encoded");
            } else {
                out.write(c);
            }
        }
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
            for (int i = 0; i < decoded.length(); i++) {
                if (decoded.charAt(i) < 0x20 && decoded.charAt(i) != '\t') {
                    throw new FormException("a parameter holds a control character");
                }
            }
            return decoded;
        } catch (CharacterCodingException e) {
            throw new FormException("a parameter is not UTF-8 after percent-decoding");
        }
    }

    /**
     * @param name a parameter name
     * @return its value, when sent once with a value
     * @throws FormException when it is sent more than once
     */
    public Optional<String> single(String name) {
        List<String> v = present(name);
        if (v.size() > 1) {
            throw new FormException("parameter " + StrictJson.quote(name) + " is repeated");
        }
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * @param name a parameter name
     * @return whether it was sent with a value
     */
    public boolean has(String name) {
        return !present(name).isEmpty();
    }

    /**
     * @param names the parameters that must each appear at most once
     * @throws FormException naming the first one repeated
     */
    public void requireSingle(String... names) {
        for (String n : names) {
            single(n);
        }
    }

    /** @return the names of the parameters sent with a value */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        values.forEach((k, v) -> {
            if (!present(k).isEmpty()) {
                names.add(k);
            }
        });
        return names;
    }

    private List<String> present(String name) {
        List<String> all = values.getOrDefault(name, List.of());
        List<String> out = new ArrayList<>(all.size());
        for (String v : all) {
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "FormParams" + values.keySet();
    }
}
