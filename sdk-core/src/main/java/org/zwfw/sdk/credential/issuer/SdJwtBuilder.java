package org.zwfw.sdk.credential.issuer;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.credential.ClaimPath;
import org.zwfw.sdk.credential.SdHashAlgorithm;
import org.zwfw.sdk.internal.sdjwt.Disclosure;
import org.zwfw.sdk.internal.sdjwt.SdJwt;

/**
 * Issues an SD-JWT (RFC 9901 §4, §5): takes the full claims and the paths of the claims that are
 * selectively disclosable, replaces each by a digest ({@code _sd} for members, {@code {"...": d}}
 * for array elements; nested paths give nested disclosures), adds decoy digests, sorts every
 * {@code _sd} array so claim order leaks nothing, and signs.
 *
 * <p>Not thread-safe: one builder per credential. The {@link SecureRandom} may be shared.
 */
public final class SdJwtBuilder {

    /** Default decoys per {@code _sd} array: between 1 and 3 (RFC 9901 §4.2.5). */
    public static final int DEFAULT_MIN_DECOYS = 1;
    /** See {@link #DEFAULT_MIN_DECOYS}. */
    public static final int DEFAULT_MAX_DECOYS = 3;

    private final SigningKey key;
    private final Map<String, Object> header = new LinkedHashMap<>();
    private String type;
    private Map<String, Object> claims;
    private final Set<ClaimPath> disclosable = new LinkedHashSet<>();
    private SdHashAlgorithm alg = SdHashAlgorithm.SHA_256;
    private SecureRandom random = new SecureRandom();
    private int minDecoys = DEFAULT_MIN_DECOYS;
    private int maxDecoys = DEFAULT_MAX_DECOYS;

    private SdJwtBuilder(SigningKey key) {
        this.key = key;
    }

    /**
     * @param key the issuer's signing key
     * @return a builder
     */
    public static SdJwtBuilder signedWith(SigningKey key) {
        return new SdJwtBuilder(Objects.requireNonNull(key, "key"));
    }

    /**
     * @param typ the JWT {@code typ}, e.g. {@code dc+sd-jwt}
     * @return this builder
     */
    public SdJwtBuilder type(String typ) {
        this.type = Objects.requireNonNull(typ, "typ");
        return this;
    }

    /**
     * @param name  an extra header parameter
     * @param value its value
     * @return this builder
     */
    public SdJwtBuilder header(String name, Object value) {
        header.put(name, value);
        return this;
    }

    /**
     * @param all the complete claims, as they are after every disclosure; not modified
     * @return this builder
     */
    public SdJwtBuilder claims(Map<String, ?> all) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) all);
        this.claims = copy;
        return this;
    }

    /**
     * @param paths claims to make selectively disclosable
     * @return this builder
     */
    public SdJwtBuilder selectivelyDisclosable(Collection<ClaimPath> paths) {
        disclosable.addAll(paths);
        return this;
    }

    /**
     * @param paths claims to make selectively disclosable
     * @return this builder
     */
    public SdJwtBuilder selectivelyDisclosable(ClaimPath... paths) {
        return selectivelyDisclosable(List.of(paths));
    }

    /**
     * @param hash the digest algorithm ({@code _sd_alg}), default SHA-256
     * @return this builder
     */
    public SdJwtBuilder hashAlgorithm(SdHashAlgorithm hash) {
        this.alg = Objects.requireNonNull(hash, "hash");
        return this;
    }

    /**
     * @param min fewest decoys per {@code _sd} array
     * @param max most decoys per {@code _sd} array
     * @return this builder
     */
    public SdJwtBuilder decoys(int min, int max) {
        if (min < 0 || max < min || max > 64) {
            throw new IllegalArgumentException("decoys need 0 <= min <= max <= 64");
        }
        this.minDecoys = min;
        this.maxDecoys = max;
        return this;
    }

    /**
     * @param source the random source for salts and decoys
     * @return this builder
     */
    public SdJwtBuilder random(SecureRandom source) {
        this.random = Objects.requireNonNull(source, "source");
        return this;
    }

    /**
     * Builds and signs.
     *
     * @return the issued SD-JWT with every disclosure, compact: {@code <issuer JWT>~<disclosure>~...~}
     * @throws IllegalStateException    if no claims were set
     * @throws IllegalArgumentException if a disclosable path names no claim
     */
    public String build() {
        return buildParts().serialize();
    }

    SdJwt buildParts() {
        if (claims == null) {
            throw new IllegalStateException("no claims set");
        }
        Set<ClaimPath> found = new HashSet<>();
        List<Disclosure> disclosures = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) encode(claims, null, found, disclosures);
        for (ClaimPath p : disclosable) {
            if (!found.contains(p)) {
                throw new IllegalArgumentException("selectively disclosable claim '" + p + "' is not in the claims");
            }
        }
        payload.put("_sd_alg", alg.jsonName());
        JwsBuilder jws = JwsBuilder.signedWith(key);
        if (type != null) {
            jws.type(type);
        }
        header.forEach(jws::header);
        return SdJwt.of(jws.claims(payload).sign(), disclosures, null);
    }

    private Object encode(Object node, ClaimPath path, Set<ClaimPath> found, List<Disclosure> out) {
        if (node instanceof Map) {
            Map<String, Object> result = new LinkedHashMap<>();
            List<String> digests = new ArrayList<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) node).entrySet()) {
                String name = (String) e.getKey();
                if (name.equals("_sd") || name.equals("...") || name.equals("_sd_alg") && path == null) {
                    throw new IllegalArgumentException("claim name '" + name + "' is reserved by SD-JWT");
                }
                ClaimPath child = path == null ? ClaimPath.of(name) : path.child(name);
                Object value = encode(e.getValue(), child, found, out);
                if (disclosable.contains(child)) {
                    found.add(child);
                    Disclosure d = Disclosure.ofMember(name, value, random);
                    out.add(d);
                    digests.add(d.digest(alg));
                } else {
                    result.put(name, value);
                }
            }
            if (!digests.isEmpty()) {
                int decoys = minDecoys + (maxDecoys > minDecoys ? random.nextInt(maxDecoys - minDecoys + 1) : 0);
                for (int i = 0; i < decoys; i++) {
                    byte[] b = new byte[Disclosure.SALT_BYTES];
                    random.nextBytes(b);
                    digests.add(alg.digest(Base64Url.encode(b)));
                }
                digests.sort(null);
                result.put("_sd", digests);
            }
            return result;
        }
        if (node instanceof List) {
            List<Object> result = new ArrayList<>();
            int i = 0;
            for (Object element : (List<?>) node) {
                ClaimPath child = path.child(i++);
                Object value = encode(element, child, found, out);
                if (disclosable.contains(child)) {
                    found.add(child);
                    Disclosure d = Disclosure.ofElement(value, random);
                    out.add(d);
                    Map<String, Object> placeholder = new LinkedHashMap<>();
                    placeholder.put("...", d.digest(alg));
                    result.add(placeholder);
                } else {
                    result.add(value);
                }
            }
            return result;
        }
        return node;
    }
}
