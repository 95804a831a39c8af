package org.zwfw.sdk.httpsig;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.zwfw.sdk.crypto.KeyRequest;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.replay.ReplayStore;
import org.zwfw.sdk.replay.ReplayStoreException;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The checks the three verifiers share ({@code spec/api-signing.md} §6, §7.2, §9), each throwing
 * a {@link Refusal} with the code of the first failure.
 */
final class MessageChecks {

    enum Kind {
        REQUEST(SignatureProfile.TAG, true), RESPONSE(SignatureProfile.TAG, false),
        WEBHOOK(SignatureProfile.WEBHOOK_TAG, true);

        final String tag;
        final boolean nonce;

        Kind(String tag, boolean nonce) {
            this.tag = tag;
            this.nonce = nonce;
        }
    }

    /** The parameters of a signature, checked (§4.3). */
    record Params(long created, Long expires, String nonce, String keyId, ProfileAlgorithm alg) {
    }

    private MessageChecks() {
    }

    static Params params(ParsedSignature sig, Kind kind) throws Refusal {
        Object created = sig.params().get("created");
        if (created == null) {
            throw new Refusal(OutcomeCode.MISSING_CLAIM, "the signature has no created parameter");
        }
        if (!(created instanceof Long c) || c < 0) {
            throw new Refusal(OutcomeCode.INVALID_CLAIM, "the created parameter is not a non-negative integer");
        }
        Object expires = sig.params().get("expires");
        if (expires != null && !(expires instanceof Long)) {
            throw new Refusal(OutcomeCode.INVALID_CLAIM, "the expires parameter is not an integer");
        }
        String nonce = null;
        if (kind.nonce) {
            Object n = sig.params().get("nonce");
            if (n == null) {
                throw new Refusal(OutcomeCode.MISSING_CLAIM, "the signature has no nonce parameter");
            }
            if (!(n instanceof String s) || !isNonce(s)) {
                throw new Refusal(OutcomeCode.INVALID_CLAIM, "the nonce parameter must be a string of 22 to 64"
                        + " base64url characters");
            }
            nonce = s;
        }
        Object keyId = sig.params().get("keyid");
        if (keyId == null) {
            throw new Refusal(OutcomeCode.MISSING_CLAIM, "the signature has no keyid parameter");
        }
        if (!(keyId instanceof String k) || !isKeyId(k)) {
            throw new Refusal(OutcomeCode.INVALID_CLAIM, "the keyid parameter must be a string of 1 to 128 visible"
                    + " ASCII characters");
        }
        Object alg = sig.params().get("alg");
        if (alg == null) {
            throw new Refusal(OutcomeCode.MISSING_CLAIM, "the signature has no alg parameter");
        }
        if (!(alg instanceof String a)) {
            throw new Refusal(OutcomeCode.INVALID_CLAIM, "the alg parameter is not a string");
        }
        ProfileAlgorithm algorithm = ProfileAlgorithm.byName(a).orElseThrow(() -> new Refusal(
                OutcomeCode.UNSUPPORTED_ALGORITHM, "alg " + Texts.quote(a, 40) + " is not accepted"
                + " (ecdsa-p256-sha256, ed25519 or sm2-sm3)"));
        Object tag = sig.params().get("tag");
        if (tag == null) {
            throw new Refusal(OutcomeCode.MISSING_CLAIM, "the signature has no tag parameter");
        }
        if (!(tag instanceof String t)) {
            throw new Refusal(OutcomeCode.INVALID_CLAIM, "the tag parameter is not a string");
        }
        if (!t.equals(kind.tag)) {
            throw new Refusal(OutcomeCode.WRONG_TYPE, "the signature's tag is " + Texts.quote(t, 40) + ", expected "
                    + Texts.quote(kind.tag) + (t.equals(SignatureProfile.WEBHOOK_TAG) || kind == Kind.WEBHOOK
                    ? " (webhook and API signatures are not interchangeable)" : ""));
        }
        return new Params(c, (Long) expires, nonce, (String) keyId, algorithm);
    }

    static boolean isNonce(String s) {
        if (s.length() < 22 || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static boolean isKeyId(String s) {
        if (s.isEmpty() || s.length() > 128) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** The components a signature of this kind must cover for these messages, in the signer's order. */
    static List<Component> required(Kind kind, RequestMessage request, ResponseMessage response) {
        List<Component> out = new ArrayList<>(8);
        if (kind == Kind.RESPONSE) {
            out.add(Component.of("@status"));
            out.add(Component.of("content-type"));
            out.add(Component.of("content-digest"));
            if (!response.fields().values("retry-after").isEmpty()) {
                out.add(Component.of("retry-after"));
            }
            out.add(Component.req("@method"));
            out.add(Component.req("@path"));
            out.add(Component.requestSignature(ParsedSignature.LABEL));
            return out;
        }
        out.add(Component.of("@method"));
        out.add(Component.of("@authority"));
        out.add(Component.of("@path"));
        if (request.query() != null) {
            out.add(Component.of("@query"));
        }
        if (kind == Kind.WEBHOOK || request.hasContent()) {
            out.add(Component.of("content-type"));
            out.add(Component.of("content-digest"));
        }
        if (kind == Kind.REQUEST && !request.fields().values("idempotency-key").isEmpty()) {
            out.add(Component.of("idempotency-key"));
        }
        out.add(Component.of(SignatureProfile.APP_ID_FIELD));
        return out;
    }

    static void coverage(ParsedSignature sig, Kind kind, List<Component> required) throws Refusal {
        Set<String> seen = new HashSet<>();
        for (Component c : sig.components()) {
            if (!seen.add(c.identifier())) {
                throw new Refusal(OutcomeCode.MALFORMED, "component " + Texts.quote(c.identifier(), 60)
                        + " is covered twice");
            }
            checkForm(c, kind);
        }
        Set<String> missing = new LinkedHashSet<>();
        for (Component r : required) {
            if (!seen.contains(r.identifier())) {
                missing.add(r.identifier());
            }
        }
        if (!missing.isEmpty()) {
            throw new Refusal(OutcomeCode.COMPONENT_NOT_COVERED, "the signature does not cover " + String.join(", ", missing));
        }
    }

    private static void checkForm(Component c, Kind kind) throws Refusal {
        String name = c.name();
        if (!name.equals(name.toLowerCase(java.util.Locale.ROOT)) || name.isEmpty()) {
            throw new Refusal(OutcomeCode.MALFORMED, "component names are lower case: " + Texts.quote(name, 60));
        }
        for (String p : c.params().keySet()) {
            boolean ok = kind == Kind.RESPONSE && (p.equals("req")
                    || (p.equals("key") && name.equals("signature") && c.isReq()
                    && ParsedSignature.LABEL.equals(c.params().get("key"))));
            if (!ok || (p.equals("req") && !Boolean.TRUE.equals(c.params().get("req")))) {
                throw new Refusal(OutcomeCode.MALFORMED, "component " + Texts.quote(c.identifier(), 60)
                        + " has a parameter this profile does not accept");
            }
        }
        if (name.equals("signature") && c.isReq() && !c.params().containsKey("key")) {
            throw new Refusal(OutcomeCode.MALFORMED, "\"signature\";req must name its member with key=\"zwfw\"");
        }
        if (c.isDerived()) {
            boolean known = switch (name) {
                case "@method", "@authority", "@path", "@query" -> kind != Kind.RESPONSE || c.isReq();
                case "@status" -> kind == Kind.RESPONSE && !c.isReq();
                default -> false;
            };
            if (!known) {
                throw new Refusal(OutcomeCode.MALFORMED, "derived component " + Texts.quote(c.identifier(), 60)
                        + " is not one this profile accepts here");
            }
        }
    }

    static void time(Params p, Instant now) throws Refusal {
        long window = SignatureProfile.WINDOW.getSeconds();
        long t = now.getEpochSecond();
        if (p.created() < t - window) {
            throw new Refusal(OutcomeCode.EXPIRED, "the signature was created " + (t - p.created())
                    + " s ago; at most " + window + " s are accepted (is a clock wrong?)");
        }
        if (p.created() > t + window) {
            throw new Refusal(OutcomeCode.ISSUED_IN_FUTURE, "the signature was created " + (p.created() - t)
                    + " s in the future; at most " + window + " s are accepted (is a clock wrong?)");
        }
        if (p.expires() != null && p.expires() <= t) {
            throw new Refusal(OutcomeCode.EXPIRED, "the signature's expires parameter has passed");
        }
    }

    /** Finds the key named by {@code keyid} and checks that it is bound to {@code alg} (§7 step 7). */
    static VerificationKey key(Params p, KeyResolver keys, String issuer, VerificationPolicy policy, Kind kind)
            throws Refusal {
        if (!policy.algorithms().contains(p.alg().jose)) {
            throw new Refusal(OutcomeCode.UNSUPPORTED_ALGORITHM, "alg " + p.alg().name + " is not allowed by this verifier");
        }
        VerificationResult<KeySet> resolved = keys.resolve(new KeyRequest(p.keyId(), p.alg().jose.jwsName(), null,
                issuer, policy.now()));
        if (!resolved.isValid()) {
            Finding f = resolved.errors().get(0);
            if (kind == Kind.REQUEST && f.code() == OutcomeCode.UNTRUSTED_ISSUER) {
                throw new Refusal(OutcomeCode.UNKNOWN_APP, "application " + Texts.quote(issuer, 64)
                        + " is not registered here");
            }
            throw new Refusal(f.code(), f.message());
        }
        List<VerificationKey> candidates = resolved.value().orElseThrow().candidates(p.keyId());
        if (candidates.isEmpty()) {
            throw new Refusal(OutcomeCode.UNKNOWN_KEY, "no " + (kind == Kind.REQUEST ? "registered key of application "
                    + Texts.quote(issuer, 64) : "platform key") + " has keyid " + Texts.quote(p.keyId(), 64)
                    + (kind == Kind.REQUEST ? "" : " (the platform keys were refreshed; was the key retired?)"));
        }
        for (VerificationKey k : candidates) {
            if (k.algorithm() == p.alg().jose) {
                return k;
            }
        }
        throw new Refusal(OutcomeCode.UNSUPPORTED_ALGORITHM, "alg " + p.alg().name + " is not the algorithm of key "
                + Texts.quote(p.keyId(), 64) + " (" + ProfileAlgorithm.of(candidates.get(0).algorithm())
                .map(a -> a.name).orElse(candidates.get(0).algorithm().jwsName()) + ")");
    }

    static void signature(ParsedSignature sig, Params p, VerificationKey key, String base, String whose)
            throws Refusal {
        byte[] s = sig.signature();
        if (s.length != 64) {
            boolean der = s.length >= 68 && s.length <= 72 && s[0] == 0x30;
            throw new Refusal(OutcomeCode.SIGNATURE_INVALID, "the signature is " + s.length + " bytes; " + p.alg().name
                    + " signatures are 64 bytes" + (der ? " (this looks like DER: send raw r‖s, as spec/api-signing.md §2 says)" : ""));
        }
        if (!key.verify(base.getBytes(StandardCharsets.US_ASCII), s)) {
            throw new Refusal(OutcomeCode.SIGNATURE_INVALID, "the " + whose + " signature does not verify with key "
                    + Texts.quote(p.keyId(), 64) + " (" + p.alg().name + "); usual causes: the body was re-serialised"
                    + " or the path, query or Host rewritten by a proxy after signing, another key signed it, "
                    + "an SM2 signer ID other than the default, a DER signature"
                    + (whose.equals("response") ? ", or the response answers another request" : ""));
        }
    }

    static void digest(List<String> digestLines, byte[] content) throws Refusal {
        Finding f = ContentDigest.check(digestLines, content);
        if (f != null) {
            throw new Refusal(f.code(), f.message());
        }
    }

    static void nonce(ReplayStore store, String scope, Params p) throws Refusal {
        // time() compares whole seconds, so created + 300 s is accepted until its last millisecond:
        // the nonce is kept to the end of that second, else a replay in it would find it forgotten
        Instant keepUntil = Instant.ofEpochSecond(p.created()).plus(SignatureProfile.WINDOW).plusSeconds(1);
        try {
            if (!store.firstUse(scope + "|" + p.nonce(), keepUntil)) {
                throw new Refusal(OutcomeCode.REPLAYED, "this nonce was used before: the message is a replay");
            }
        } catch (ReplayStoreException e) {
            throw new Refusal(OutcomeCode.REPLAY_CHECK_UNAVAILABLE, "the replay store could not answer, so the message"
                    + " is refused (fail closed)");
        }
    }
}
