package org.zwfw.sdk.credential.holder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.credential.ClaimPath;
import org.zwfw.sdk.credential.SdHashAlgorithm;
import org.zwfw.sdk.credential.SdJwtVerifier;
import org.zwfw.sdk.internal.sdjwt.Disclosure;
import org.zwfw.sdk.internal.sdjwt.SdJwt;
import org.zwfw.sdk.internal.sdjwt.SdProcessor;

/**
 * The holder's side (RFC 9901 §4.3, §7.2): from an issued SD-JWT with all its disclosures,
 * choose the claims to show by path — the disclosures of enclosing claims follow automatically,
 * and choosing a claim shows everything below it — and optionally add a key-binding JWT for one
 * verifier ({@code aud}) and one transaction ({@code nonce}).
 *
 * <p>Not thread-safe: one builder per presentation.
 */
public final class PresentationBuilder {

    private final SdJwt issued;
    private final Map<String, Object> claims;
    private final Map<ClaimPath, Disclosure> disclosedAt;
    private final SdHashAlgorithm alg;
    private final Set<Disclosure> chosen = new LinkedHashSet<>();
    private SigningKey holderKey;
    private String audience;
    private String nonce;
    private Instant issuedAt;

    private PresentationBuilder(SdJwt issued) {
        this.issued = issued;
        Map<String, Object> claims = ParsedJws.decode(issued.issuerJwt()).claims().orElseThrow();
        Object algName = claims.get("_sd_alg");
        this.alg = algName == null ? SdHashAlgorithm.SHA_256 : SdHashAlgorithm.fromJsonName(String.valueOf(algName))
                .orElseThrow(() -> new IllegalArgumentException("unsupported _sd_alg in the issued SD-JWT"));
        Findings f = new Findings();
        SdProcessor.Result r = SdProcessor.process(claims, issued.disclosures(), alg, f);
        if (f.hasErrors()) {
            StringBuilder sb = new StringBuilder("the issued SD-JWT is not consistent:");
            for (Finding e : f.failure().errors()) {
                sb.append(' ').append(e.code()).append(": ").append(e.message()).append(';');
            }
            throw new IllegalArgumentException(sb.toString());
        }
        this.claims = r.claims();
        this.disclosedAt = new LinkedHashMap<>(r.disclosedAt());
    }

    /**
     * @param issuedSdJwt the SD-JWT as issued, with every disclosure
     * @return a builder
     * @throws IllegalArgumentException if it does not parse or its disclosures do not fit it
     */
    public static PresentationBuilder from(String issuedSdJwt) {
        return new PresentationBuilder(SdJwt.parse(issuedSdJwt));
    }

    /** @return every claim of the credential, as the holder sees it; read-only view of a copy */
    public Map<String, Object> allClaims() {
        return java.util.Collections.unmodifiableMap(claims);
    }

    /** @return the paths that are selectively disclosable, in issuance order */
    public List<ClaimPath> disclosablePaths() {
        return new ArrayList<>(disclosedAt.keySet());
    }

    /**
     * Discloses claims, their enclosing claims and everything below them.
     *
     * @param paths the claims to show
     * @return this builder
     * @throws IllegalArgumentException if a path names no claim of the credential
     */
    public PresentationBuilder disclose(ClaimPath... paths) {
        for (ClaimPath p : paths) {
            if (!exists(p)) {
                throw new IllegalArgumentException("the credential has no claim '" + p + "'");
            }
            for (Map.Entry<ClaimPath, Disclosure> e : disclosedAt.entrySet()) {
                if (e.getKey().isPrefixOf(p) || p.isPrefixOf(e.getKey())) {
                    chosen.add(e.getValue());
                }
            }
        }
        return this;
    }

    /**
     * @param paths dotted paths, as {@link ClaimPath#parse(String)} reads them
     * @return this builder
     */
    public PresentationBuilder disclose(String... paths) {
        for (String p : paths) {
            disclose(ClaimPath.parse(p));
        }
        return this;
    }

    /** @return this builder, disclosing every claim */
    public PresentationBuilder discloseAll() {
        chosen.addAll(disclosedAt.values());
        return this;
    }

    /**
     * Adds a key-binding JWT signed with the key whose public part is the credential's
     * {@code cnf.jwk}.
     *
     * @param key      the holder's private key
     * @param aud      the verifier's identifier
     * @param txNonce  the verifier's nonce for this transaction
     * @param at       the time of presentation
     * @return this builder
     */
    public PresentationBuilder keyBinding(SigningKey key, String aud, String txNonce, Instant at) {
        this.holderKey = Objects.requireNonNull(key, "key");
        this.audience = Objects.requireNonNull(aud, "aud");
        this.nonce = Objects.requireNonNull(txNonce, "txNonce");
        this.issuedAt = Objects.requireNonNull(at, "at");
        return this;
    }

    /** @return the compact presentation: SD-JWT, or SD-JWT+KB when key binding was added */
    public String build() {
        List<Disclosure> ordered = new ArrayList<>();
        for (Disclosure d : issued.disclosures()) {
            if (chosen.contains(d)) {
                ordered.add(d);
            }
        }
        SdJwt presented = SdJwt.of(issued.issuerJwt(), ordered, null);
        if (holderKey == null) {
            return presented.serialize();
        }
        Map<String, Object> kb = new LinkedHashMap<>();
        kb.put("iat", issuedAt.getEpochSecond());
        kb.put("aud", audience);
        kb.put("nonce", nonce);
        kb.put("sd_hash", alg.digest(presented.withoutKeyBinding()));
        String kbJwt = JwsBuilder.signedWith(holderKey.withKeyId(null)).type(SdJwtVerifier.KEY_BINDING_TYPE)
                .claims(kb).sign();
        return presented.withKeyBinding(kbJwt).serialize();
    }

    private boolean exists(ClaimPath p) {
        Object node = claims;
        for (Object s : p.segments()) {
            if (s instanceof String && node instanceof Map && ((Map<?, ?>) node).containsKey(s)) {
                node = ((Map<?, ?>) node).get(s);
            } else if (s instanceof Integer && node instanceof List && (Integer) s < ((List<?>) node).size()) {
                node = ((List<?>) node).get((Integer) s);
            } else {
                return false;
            }
        }
        return true;
    }
}
