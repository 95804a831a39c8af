package org.zwfw.sdk.internal.sdjwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zwfw.sdk.credential.SdJwtVerifier;

/**
 * An SD-JWT in compact serialization (RFC 9901 §4): {@code <issuer-signed JWT>~<disclosure>~...~}
 * and, for an SD-JWT+KB, a key-binding JWT after the last {@code ~}. This class only splits and
 * joins; {@link SdJwtVerifier} verifies. Immutable and thread-safe.
 */
public final class SdJwt {

    private final String issuerJwt;
    private final List<Disclosure> disclosures;
    private final String keyBindingJwt;

    private SdJwt(String issuerJwt, List<Disclosure> disclosures, String keyBindingJwt) {
        this.issuerJwt = issuerJwt;
        this.disclosures = List.copyOf(disclosures);
        this.keyBindingJwt = keyBindingJwt;
    }

    /**
     * @param issuerJwt     the issuer-signed JWT (compact JWS)
     * @param disclosures   the disclosures, in order
     * @param keyBindingJwt the key-binding JWT, or {@code null}
     * @return the SD-JWT
     */
    public static SdJwt of(String issuerJwt, List<Disclosure> disclosures, String keyBindingJwt) {
        Objects.requireNonNull(issuerJwt, "issuerJwt");
        if (issuerJwt.isEmpty() || issuerJwt.indexOf('~') >= 0) {
            throw new IllegalArgumentException("issuer-signed JWT must be non-empty and contain no '~'");
        }
        return new SdJwt(issuerJwt, disclosures, keyBindingJwt == null || keyBindingJwt.isEmpty() ? null : keyBindingJwt);
    }

    /**
     * Splits a compact SD-JWT and parses its disclosures.
     *
     * @param compact the compact serialization
     * @return the parts
     * @throws IllegalArgumentException naming the first problem (no {@code ~}, an empty
     *                                  disclosure, a disclosure that does not parse)
     */
    public static SdJwt parse(String compact) {
        Parts p = split(compact);
        List<Disclosure> ds = new ArrayList<>(p.disclosures.size());
        int i = 0;
        for (String d : p.disclosures) {
            try {
                ds.add(Disclosure.parse(d));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("disclosure " + i + ": " + e.getMessage());
            }
            i++;
        }
        return new SdJwt(p.issuerJwt, ds, p.keyBindingJwt);
    }

    /** The raw parts of a compact SD-JWT, before any parsing of disclosures. */
    public record Parts(String issuerJwt, List<String> disclosures, String keyBindingJwt) {
    }

    public static Parts split(String compact) {
        Objects.requireNonNull(compact, "compact");
        int first = compact.indexOf('~');
        if (first < 0) {
            throw new IllegalArgumentException("not an SD-JWT: no '~' after the issuer-signed JWT");
        }
        if (first == 0) {
            throw new IllegalArgumentException("not an SD-JWT: the issuer-signed JWT is empty");
        }
        String issuerJwt = compact.substring(0, first);
        int last = compact.lastIndexOf('~');
        List<String> ds = new ArrayList<>();
        int start = first + 1;
        while (start <= last) {
            int end = compact.indexOf('~', start);
            if (end == start) {
                throw new IllegalArgumentException("empty disclosure at position " + start + " ('~~')");
            }
            ds.add(compact.substring(start, end));
            start = end + 1;
        }
        String kb = last + 1 < compact.length() ? compact.substring(last + 1) : null;
        return new Parts(issuerJwt, ds, kb);
    }

    /** @return the issuer-signed JWT */
    public String issuerJwt() {
        return issuerJwt;
    }

    /** @return the disclosures, in order */
    public List<Disclosure> disclosures() {
        return disclosures;
    }

    /** @return the key-binding JWT, if any */
    public Optional<String> keyBindingJwt() {
        return Optional.ofNullable(keyBindingJwt);
    }

    /**
     * @return the SD-JWT without key-binding JWT, ending with {@code ~}: the input of
     *         {@code sd_hash} (RFC 9901 §4.3.1)
     */
    public String withoutKeyBinding() {
        StringBuilder sb = new StringBuilder(issuerJwt).append('~');
        for (Disclosure d : disclosures) {
            sb.append(d.encoded()).append('~');
        }
        return sb.toString();
    }

    /**
     * @param kbJwt a key-binding JWT
     * @return this SD-JWT with the key-binding JWT appended (replacing any present)
     */
    public SdJwt withKeyBinding(String kbJwt) {
        return of(issuerJwt, disclosures, kbJwt);
    }

    /** @return the compact serialization */
    public String serialize() {
        return keyBindingJwt == null ? withoutKeyBinding() : withoutKeyBinding() + keyBindingJwt;
    }

    /** Shows the structure only; disclosures may hold personal data. */
    @Override
    public String toString() {
        return "SdJwt[" + disclosures.size() + " disclosures" + (keyBindingJwt == null ? "" : ", key binding") + "]";
    }
}
