package org.zwfw.sdk.httpsig;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.crypto.IssuerKeys;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;

/** Keys, clocks and hand-made signatures for the httpsig tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-03-02T02:15:01Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String APP = "portal-hz-rsj";
    static final String HOST = "api.zwfw.example";
    static final String BODY = "{\"reason\":\"申请人已在窗口办理，撤回网上申请。\"}";

    static final SigningKey ES = key(JwsAlgorithm.ES256);
    static final SigningKey ED = key(JwsAlgorithm.EDDSA);
    static final SigningKey SM = key(JwsAlgorithm.SGD_SM3_SM2);
    static final SigningKey PLATFORM_ES = key(JwsAlgorithm.ES256);
    static final SigningKey PLATFORM_SM = key(JwsAlgorithm.SGD_SM3_SM2);

    private Fixtures() {
    }

    static SigningKey key(JwsAlgorithm alg) {
        SigningKey k = SigningKey.generate(alg);
        return k.withKeyId(k.verificationKey().thumbprint());
    }

    static IssuerKeys appKeys() {
        return IssuerKeys.of(Map.of(APP, KeySet.of(ES.verificationKey(), ED.verificationKey(), SM.verificationKey())));
    }

    static KeySet platformKeys() {
        return KeySet.of(PLATFORM_ES.verificationKey(), PLATFORM_SM.verificationKey());
    }

    static RequestVerifier.Builder requests() {
        return RequestVerifier.builder().clock(CLOCK).authorities(List.of(HOST)).appKeys(appKeys());
    }

    static RequestMessage post() {
        return RequestMessage.of("POST", URI.create("https://" + HOST + "/v1/cases/case_7Q2M9X4K1P8D3RZT/withdraw"),
                HttpFields.of("content-type", "application/json", "x-zwfw-app-id", APP),
                BODY.getBytes(StandardCharsets.UTF_8));
    }

    static RequestMessage get() {
        return RequestMessage.of("GET", URI.create("https://" + HOST + "/v1/service-items?region=330100&q=%E5%85%BB%E8%80%81"),
                HttpFields.of("x-zwfw-app-id", APP), null);
    }

    static RequestMessage signed(RequestMessage r, SigningKey key) {
        return MessageSigner.of(key).signRequest(r, NOW, MessageSigner.newNonce()).message();
    }

    /**
     * Signs a request with a hand-written {@code zwfw} member of Signature-Input, whatever it says,
     * as an attacker or a broken client would.
     */
    static RequestMessage signedAs(RequestMessage r, String inputMember, SigningKey key) {
        RequestMessage withDigest = r.hasContent() && r.fields().values("content-digest").isEmpty()
                ? r.withFields(r.fields().with("content-digest", ContentDigest.of("sha-256", r.content()))) : r;
        StructuredFields.Item item = StructuredFields.parseDictionary("zwfw=" + inputMember).get(0).value();
        List<Component> components = new ArrayList<>();
        for (StructuredFields.Item i : item.items()) {
            components.add(new Component((String) i.value(), i.params()));
        }
        String base;
        try {
            base = SignatureBase.build(components, StructuredFields.serialize(item), withDigest, null);
        } catch (Refusal e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        byte[] sig = key.sign(base.getBytes(StandardCharsets.US_ASCII));
        return withDigest.withFields(withDigest.fields().with("signature-input", "zwfw=" + inputMember)
                .with("signature", "zwfw=:" + Base64.getEncoder().encodeToString(sig) + ":"));
    }

    static String params(SigningKey key, String alg) {
        return ";created=" + NOW.getEpochSecond() + ";nonce=\"" + MessageSigner.newNonce() + "\";keyid=\""
                + key.keyId().orElseThrow() + "\";alg=\"" + alg + "\";tag=\"zwfw\"";
    }
}
