package org.zwfw.sdk.trust;

import java.nio.charset.StandardCharsets;
import org.zwfw.sdk.crypto.VerificationPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.JsonException;
import org.zwfw.sdk.internal.Texts;

/**
 * Which issuers a verifier trusts, with their keys and what each may sign
 * ({@code spec/trust-list.md}).
 *
 * <p>A trust list comes from one of two places, and the difference matters:
 * <ul>
 *   <li>a signed list verified by a {@link TrustListVerifier} against pinned anchor keys; it
 *       carries its {@link #edition()} ({@code iss}, {@code iat}, {@code exp}, {@code seq});</li>
 *   <li>a local list ({@link #parseLocal(String)}, {@link #of(Collection)}), for development and
 *       pinned offline use, trusted because the operator configured it. It has no edition.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. Methods throw {@link NullPointerException} for {@code null}
 * arguments.
 */
public final class TrustList {

    /**
     * Largest local trust list accepted, in characters: 1 MiB holds thousands of entries, far more
     * than a province has issuers, and bounds the work an oversized file can cause.
     */
    public static final int MAX_LOCAL_LENGTH = 1 << 20;

    private final List<TrustedIssuer> issuers;
    private final Map<String, TrustedIssuer> byId;
    private final Edition edition;

    private TrustList(List<TrustedIssuer> issuers, Edition edition) {
        this.issuers = List.copyOf(issuers);
        Map<String, TrustedIssuer> m = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < this.issuers.size(); i++) {
            TrustedIssuer t = this.issuers.get(i);
            if (m.putIfAbsent(t.id(), t) != null) {
                problems.add("issuers[" + i + "].id: " + Texts.quote(t.id())
                        + " appears twice; ids must be unique");
            }
        }
        if (!problems.isEmpty()) {
            throw new TrustListFormatException(problems);
        }
        this.byId = m;
        this.edition = edition;
    }

    /**
     * A local (unsigned) trust list of these entries.
     *
     * @param issuers the entries, in order
     * @return the list
     * @throws TrustListFormatException when two entries have the same id
     */
    public static TrustList of(Collection<TrustedIssuer> issuers) {
        return new TrustList(new ArrayList<>(issuers), null);
    }

    static TrustList signed(List<TrustedIssuer> issuers, Edition edition) {
        return new TrustList(issuers, Objects.requireNonNull(edition, "edition"));
    }

    /**
     * Parses the local form {@code {"issuers": [...]}} with the strict entry rules of
     * {@code spec/trust-list.md} §3. Other top-level members are ignored. Use this only for a
     * document the operator configured: it is trusted as it is, without a signature.
     *
     * @param json the JSON text, at most {@link #MAX_LOCAL_LENGTH} characters
     * @return the list, without an edition
     * @throws TrustListFormatException listing every problem, each naming the entry and member
     */
    public static TrustList parseLocal(String json) {
        Objects.requireNonNull(json, "json");
        if (json.length() > MAX_LOCAL_LENGTH) {
            throw new TrustListFormatException(List.of("local trust list of " + json.length()
                    + " characters exceeds the limit of " + MAX_LOCAL_LENGTH));
        }
        Map<String, Object> doc;
        try {
            doc = Json.parseObject(json.getBytes(StandardCharsets.UTF_8), VerificationPolicy.DEFAULT_MAX_JSON_DEPTH);
        } catch (JsonException e) {
            throw new TrustListFormatException(List.of("not a JSON object: " + e.getMessage()));
        }
        if (!doc.containsKey("issuers")) {
            throw new TrustListFormatException(List.of("issuers: missing (a local trust list is"
                    + " {\"issuers\": [...]})"));
        }
        EntryCodec.Parsed parsed = EntryCodec.parse(doc.get("issuers"));
        if (!parsed.problems().isEmpty()) {
            throw new TrustListFormatException(parsed.problems());
        }
        return new TrustList(parsed.entries(), null);
    }

    /** @return the entries, in list order; read-only */
    public List<TrustedIssuer> issuers() {
        return issuers;
    }

    /**
     * Looks an issuer up by its {@code iss} value (exact, case-sensitive). Whether the entry is
     * valid at a given time, and what it may sign, is for the caller to check
     * ({@link TrustedIssuer#isValidAt(Instant)}, {@link TrustedIssuer#allows(String)}).
     *
     * @param issuerId an {@code iss} value
     * @return the entry, if listed
     */
    public Optional<TrustedIssuer> find(String issuerId) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(issuerId, "issuerId")));
    }

    /** @return the signed list's metadata; empty for a local list */
    public Optional<Edition> edition() {
        return Optional.ofNullable(edition);
    }

    /** @return whether the list came from a verified signed trust list */
    public boolean isSigned() {
        return edition != null;
    }

    /**
     * Writes the local form, compact JSON: {@code {"issuers":[...]}}. Parsing it with
     * {@link #parseLocal(String)} gives a list equal to this one without its edition, and writing
     * that again gives the same text.
     *
     * @return the JSON text
     */
    public String toLocalJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuers", issuers.stream().map(TrustedIssuer::toJson).toList());
        return Json.writeString(m);
    }

    /** @return this list's entries without the edition, as a local list */
    public TrustList withoutEdition() {
        return edition == null ? this : new TrustList(issuers, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustList && issuers.equals(((TrustList) o).issuers)
                && Objects.equals(edition, ((TrustList) o).edition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(issuers, edition);
    }

    @Override
    public String toString() {
        List<String> ids = new ArrayList<>(byId.keySet());
        return "TrustList[" + (edition == null ? "local" : edition.toString()) + ", issuers=" + ids + "]";
    }

    /**
     * The metadata of a signed trust list.
     *
     * @param issuer    the list's {@code iss}, never {@code null}
     * @param issuedAt  {@code iat}, never {@code null}
     * @param expiresAt {@code exp}, after {@code issuedAt}, never {@code null}
     * @param seq       {@code seq}, the edition number, ≥ 0
     */
    public record Edition(String issuer, Instant issuedAt, Instant expiresAt, long seq) {

        /**
         * @throws NullPointerException     for a {@code null} component
         * @throws IllegalArgumentException if {@code seq < 0} or {@code expiresAt} is not after
         *                                  {@code issuedAt}
         */
        public Edition {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
            if (seq < 0) {
                throw new IllegalArgumentException("seq must be >= 0");
            }
            if (!expiresAt.isAfter(issuedAt)) {
                throw new IllegalArgumentException("expiresAt must be after issuedAt");
            }
        }
    }
}
