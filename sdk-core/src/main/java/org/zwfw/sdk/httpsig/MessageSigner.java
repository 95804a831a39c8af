package org.zwfw.sdk.httpsig;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.internal.Base64Url;

/**
 * Signs requests, responses and webhook deliveries of the service-network API with one key, as
 * {@code spec/api-signing.md} says: the components of §4.2, §7.1 or §9 in the profile's order,
 * parameters {@code created}, {@code nonce} (not for responses), {@code keyid}, {@code alg},
 * {@code tag}. ES256 and Ed25519 signatures are deterministic (RFC 6979, RFC 8032), SM2 ones are
 * randomised. Immutable and thread-safe.
 */
public final class MessageSigner {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKey key;
    private final ProfileAlgorithm algorithm;
    private final String keyId;

    private MessageSigner(SigningKey key, ProfileAlgorithm algorithm, String keyId) {
        this.key = key;
        this.algorithm = algorithm;
        this.keyId = keyId;
    }

    /**
     * @param key an ES256, EdDSA or SGD_SM3_SM2 key with a key ID (its registered {@code kid})
     * @return a signer with that key
     * @throws IllegalArgumentException if the key has no key ID, or an ID the profile cannot carry,
     *                                  or an algorithm outside the profile
     */
    public static MessageSigner of(SigningKey key) {
        Objects.requireNonNull(key, "key");
        ProfileAlgorithm a = ProfileAlgorithm.of(key.algorithm()).orElseThrow(() -> new IllegalArgumentException(
                "a " + key.algorithm().jwsName() + " key cannot sign API messages (ES256, EdDSA or SGD_SM3_SM2)"));
        String kid = key.keyId().orElseThrow(() -> new IllegalArgumentException(
                "the signing key needs a key ID (its registered kid; SigningKey.withKeyId)"));
        if (!MessageChecks.isKeyId(kid)) {
            throw new IllegalArgumentException("the key ID must be 1 to 128 visible ASCII characters, without \" and \\");
        }
        return new MessageSigner(key, a, kid);
    }

    /** @return the profile's {@code alg}: {@code ecdsa-p256-sha256}, {@code ed25519} or {@code sm2-sm3} */
    public String algorithm() {
        return algorithm.name;
    }

    /** @return the key ID written as {@code keyid} */
    public String keyId() {
        return keyId;
    }

    /** @return the digest algorithm this signer writes: {@code sm3} with SM2, else {@code sha-256} */
    public String digestAlgorithm() {
        return algorithm.digest;
    }

    /** @return a new nonce: 128 random bits, 22 base64url characters */
    public static String newNonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64Url.encode(b);
    }

    /**
     * Signs a request to the API (§4).
     *
     * @param request the request; it must carry {@code X-Zwfw-App-Id}, and {@code Content-Type} when it has content
     * @param created the signing time
     * @param nonce   a new nonce ({@link #newNonce()}), never one used before
     * @return the request with {@code Content-Digest} (when it has content and none is there),
     *         {@code Signature-Input} and {@code Signature}
     * @throws IllegalArgumentException if a required field is missing or a covered value is not printable ASCII
     */
    public Signed<RequestMessage> signRequest(RequestMessage request, Instant created, String nonce) {
        requireOne(request.fields(), SignatureProfile.APP_ID_FIELD);
        RequestMessage r = request;
        if (r.hasContent()) {
            requireOne(r.fields(), "content-type");
            r = withDigest(r);
        }
        return signRequestLike(r, created, nonce, MessageChecks.Kind.REQUEST);
    }

    /**
     * Signs a webhook delivery (§9) with tag {@code zwfw-webhook}.
     *
     * @param delivery the {@code POST} to the receiver's registered URL, with {@code Content-Type},
     *                 {@code X-Zwfw-App-Id} (the receiver's ID) and content
     * @param created  the signing time
     * @param nonce    a new nonce
     * @return the delivery with {@code Content-Digest}, {@code Signature-Input} and {@code Signature}
     */
    public Signed<RequestMessage> signWebhook(RequestMessage delivery, Instant created, String nonce) {
        requireOne(delivery.fields(), SignatureProfile.APP_ID_FIELD);
        requireOne(delivery.fields(), "content-type");
        return signRequestLike(withDigest(delivery), created, nonce, MessageChecks.Kind.WEBHOOK);
    }

    private RequestMessage withDigest(RequestMessage r) {
        if (!r.fields().values("content-digest").isEmpty()) {
            return r;
        }
        return r.withFields(r.fields().with("content-digest", ContentDigest.of(algorithm.digest, r.contentView())));
    }

    private Signed<RequestMessage> signRequestLike(RequestMessage r, Instant created, String nonce, MessageChecks.Kind kind) {
        Objects.requireNonNull(created, "created");
        if (nonce == null || !MessageChecks.isNonce(nonce)) {
            throw new IllegalArgumentException("the nonce must be 22 to 64 base64url characters (MessageSigner.newNonce)");
        }
        List<Component> components = MessageChecks.required(kind, r, null);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("created", created.getEpochSecond());
        params.put("nonce", nonce);
        params.put("keyid", keyId);
        params.put("alg", algorithm.name);
        params.put("tag", kind.tag);
        String input = input(components, params);
        String base = base(components, input, r, null);
        byte[] sig = key.sign(base.getBytes(StandardCharsets.US_ASCII));
        return new Signed<>(r.withFields(withSignature(r.fields(), input, sig)), base, sig);
    }

    /**
     * Signs a response (§7.1), bound to the request it answers.
     *
     * @param response the response; it must carry {@code Content-Type}
     * @param answered the request as received; when it has a {@code zwfw} signature that parses,
     *                 the response covers it ({@code "signature";req;key="zwfw"})
     * @param created  the signing time
     * @return the response with {@code Content-Digest} (when none is there), {@code Signature-Input} and {@code Signature}
     */
    public Signed<ResponseMessage> signResponse(ResponseMessage response, RequestMessage answered, Instant created) {
        Objects.requireNonNull(answered, "answered");
        Objects.requireNonNull(created, "created");
        requireOne(response.fields(), "content-type");
        ResponseMessage r = response;
        if (r.fields().values("content-digest").isEmpty()) {
            r = r.withFields(r.fields().with("content-digest", ContentDigest.of(algorithm.digest, r.contentView())));
        }
        List<Component> components = new ArrayList<>(MessageChecks.required(MessageChecks.Kind.RESPONSE, answered, r));
        if (!ParsedSignature.hasParsableSignature(answered.fields())) {
            components.remove(components.size() - 1);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("created", created.getEpochSecond());
        params.put("keyid", keyId);
        params.put("alg", algorithm.name);
        params.put("tag", SignatureProfile.TAG);
        String input = input(components, params);
        String base = base(components, input, answered, r);
        byte[] sig = key.sign(base.getBytes(StandardCharsets.US_ASCII));
        return new Signed<>(r.withFields(withSignature(r.fields(), input, sig)), base, sig);
    }

    private static String input(List<Component> components, Map<String, Object> params) {
        List<StructuredFields.Item> items = new ArrayList<>(components.size());
        for (Component c : components) {
            items.add(c.item());
        }
        return StructuredFields.serialize(new StructuredFields.Item(items, params));
    }

    private static String base(List<Component> components, String input, RequestMessage request, ResponseMessage response) {
        try {
            return SignatureBase.build(components, input, request, response);
        } catch (Refusal e) {
            throw new IllegalArgumentException("cannot sign: " + e.getMessage());
        }
    }

    private static HttpFields withSignature(HttpFields fields, String input, byte[] sig) {
        return fields.without("signature-input").without("signature")
                .with("signature-input", ParsedSignature.LABEL + "=" + input)
                .with("signature", ParsedSignature.LABEL + "=:" + Base64.getEncoder().encodeToString(sig) + ":");
    }

    private static void requireOne(HttpFields fields, String name) {
        int n = fields.values(name).size();
        if (n != 1) {
            throw new IllegalArgumentException("the message must carry exactly one " + name + " field, it has " + n);
        }
    }

    @Override
    public String toString() {
        return "MessageSigner[" + algorithm.name + ", keyid " + keyId + "]";
    }
}
