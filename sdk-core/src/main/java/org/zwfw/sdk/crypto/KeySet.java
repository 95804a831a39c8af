package org.zwfw.sdk.crypto;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * An immutable set of {@link VerificationKey}s, such as a JWK Set (RFC 7517 §5) published by an
 * issuer or pinned in configuration.
 *
 * <p>When parsing a JWK Set, keys of a type or algorithm outside the profile are skipped (RFC 7517
 * §5 asks implementations to ignore keys they do not understand), and the reasons are kept in
 * {@link #skipped()}; so are keys not for signatures ({@code use} other than {@code sig},
 * {@code key_ops} without {@code verify}), before their key members are read, since they are
 * never used to verify. A key of a supported type that is malformed, or any key with a private
 * member, fails the whole set, because a damaged key set should be noticed, not half-used. An RSA
 * key without {@code alg} is bound to {@code RS256}. Several keys may share a {@code kid}; all are
 * kept, and a verifier tries those bound to the token's algorithm.
 *
 * <p>A key set is the simplest {@link KeyResolver}: it answers every request with itself, and
 * the verifier picks among its keys by {@code kid} and {@code alg}.
 *
 * <p>Thread-safe.
 */
public final class KeySet implements KeyResolver {

    private static final Logger LOG = LoggerFactory.getLogger(KeySet.class);

    private final List<VerificationKey> keys;
    private final List<String> skipped;

    private final VerificationResult<KeySet> asResult;

    private KeySet(List<VerificationKey> keys, List<String> skipped) {
        this.keys = List.copyOf(keys);
        this.skipped = List.copyOf(skipped);
        this.asResult = VerificationResult.valid(this, List.of());
    }

    /**
     * Answers every request with this set.
     *
     * @param request ignored
     * @return this set, valid
     */
    @Override
    public VerificationResult<KeySet> resolve(KeyRequest request) {
        return asResult;
    }

    /**
     * @param keys the keys, none {@code null}
     * @return a set of these keys
     */
    public static KeySet of(VerificationKey... keys) {
        return new KeySet(List.of(keys), List.of());
    }

    /**
     * @param keys the keys, none {@code null}
     * @return a set of these keys
     */
    public static KeySet of(Collection<VerificationKey> keys) {
        return new KeySet(new ArrayList<>(keys), List.of());
    }

    /**
     * Parses a JWK Set with canonical names only.
     *
     * @param json the JWK Set JSON ({@code {"keys": [...]}}), never {@code null}
     * @return the set
     * @throws KeyFormatException naming the member and key index that is wrong
     */
    public static KeySet parse(String json) {
        return parse(json, AliasPolicy.STRICT);
    }

    /**
     * Parses a JWK Set.
     *
     * @param json    the JWK Set JSON, never {@code null}
     * @param aliases whether SM2 alias names are accepted
     * @return the set
     * @throws KeyFormatException naming the member and key index that is wrong
     */
    public static KeySet parse(String json, AliasPolicy aliases) {
        return fromJwks(JwkCodec.parseJson(json), aliases);
    }

    /** As {@link #parse(String, AliasPolicy)}, from UTF-8 bytes (a fetched body), strict UTF-8 checked. */
    static KeySet parse(byte[] json, AliasPolicy aliases) {
        return fromJwks(JwkCodec.parseJson(json), aliases);
    }

    /**
     * Builds a set from JWK Set members already parsed as JSON (e.g. the {@code jwks} of a trust
     * list entry).
     *
     * @param jwks    the JWK Set object, never {@code null}
     * @param aliases whether SM2 alias names are accepted
     * @return the set
     * @throws KeyFormatException naming the member and key index that is wrong
     */
    public static KeySet fromJwks(Map<String, ?> jwks, AliasPolicy aliases) {
        Object list = jwks.get("keys");
        if (!(list instanceof List)) {
            throw new KeyFormatException("JWK Set must have a 'keys' array");
        }
        List<VerificationKey> keys = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int i = 0;
        for (Object entry : (List<?>) list) {
            if (!(entry instanceof Map)) {
                throw new KeyFormatException("JWK Set key " + i + " is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> jwk = (Map<String, ?>) entry;
            String name = "key " + i + (jwk.get("kid") instanceof String ? " (kid " + Texts.quote((String) jwk.get("kid"))
                    + ")" : "");
            try {
                String notForVerifying = JwkCodec.whyNotForVerifying(jwk);
                if (notForVerifying != null) {
                    skip(skipped, name, notForVerifying);
                } else {
                    keys.add(JwkCodec.publicKey(jwk, aliases));
                }
            } catch (KeyFormatException e) {
                if (e.isUnsupported()) {
                    skip(skipped, name, e.getMessage());
                } else {
                    throw new KeyFormatException("JWK Set key " + i + ": " + e.getMessage(), e);
                }
            }
            i++;
        }
        return new KeySet(keys, skipped);
    }

    private static void skip(List<String> skipped, String name, String why) {
        skipped.add(name + ": " + why);
        LOG.debug("JWK Set: skipped {}: {}", name, why);
    }

    /** @return the keys, in order */
    public List<VerificationKey> keys() {
        return keys;
    }

    /**
     * @return why keys of the parsed JWK Set were skipped, one entry per key ({@code key 2 (kid
     *         'x'): ...}): a type, curve or algorithm outside the profile, or a key not for
     *         signatures ({@code use} other than {@code sig}, {@code key_ops} without
     *         {@code verify})
     */
    public List<String> skipped() {
        return skipped;
    }

    /** @return whether the set holds no key */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /**
     * Finds the keys that may have made a signature: with the given key ID (or all keys when
     * {@code kid} is {@code null}) and usable for signatures.
     *
     * @param kid the {@code kid} from a header, or {@code null}
     * @return the matching keys, possibly empty
     */
    public List<VerificationKey> candidates(String kid) {
        List<VerificationKey> out = new ArrayList<>(2);
        for (VerificationKey k : keys) {
            if (k.isSignatureKey() && (kid == null || kid.equals(k.keyId().orElse(null)))) {
                out.add(k);
            }
        }
        return out;
    }

    /** @return the set as a JWK Set object of public JWKs */
    public Map<String, Object> toJwks() {
        List<Object> list = new ArrayList<>();
        for (VerificationKey k : keys) {
            list.add(k.toJwk());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("keys", list);
        return m;
    }

    /** @return the set as compact JWK Set JSON */
    public String toJson() {
        return Json.writeString(toJwks());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeySet && keys.equals(((KeySet) o).keys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys);
    }

    @Override
    public String toString() {
        return "KeySet" + keys;
    }
}
