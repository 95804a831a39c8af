package org.zwfw.sdk.trust;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.trust.publisher.TrustListBuilder;

/** Real keys, entries and signed lists shared by the trust tests. */
/** Shared by the tests of this package and of its issuing/holder subpackage. */
public final class Fixtures {

    public static final String USCC_1 = "11100000000013338W";
    public static final String USCC_2 = "91110000600037341L";
    public static final String LIST_ISSUER = "https://trust.zwfw.example.gov.cn";
    public static final String RZ = "https://rz.zwfw.example.gov.cn";
    public static final String LICENSE = "https://dzzz.zwfw.example.gov.cn";
    public static final String LICENSE_VCT = "urn:zwfw:vct:license:1";

    /** 2026-01-01T00:00:00Z. */
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    public static final SigningKey ANCHOR = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("anchor-1");
    public static final SigningKey OTHER = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("anchor-1");
    public static final KeySet ANCHOR_KEYS = KeySet.of(ANCHOR.verificationKey());
    public static final SigningKey RZ_KEY = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("rz-1");
    public static final SigningKey LICENSE_KEY = SigningKey.generate(JwsAlgorithm.EDDSA).withKeyId("dzzz-1");

    private Fixtures() {
    }

    public static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    public static TrustedIssuer rz() {
        return TrustedIssuer.builder(RZ).name("Real-name platform").uscc(USCC_1).keys(RZ_KEY.verificationKey())
                .types(TrustedIssuer.TYPE_RNAT, TrustedIssuer.TYPE_ID_TOKEN).build();
    }

    public static TrustedIssuer license() {
        return TrustedIssuer.builder(LICENSE).name("E-license platform").uscc(USCC_2)
                .keys(LICENSE_KEY.verificationKey()).types(LICENSE_VCT, TrustedIssuer.TYPE_STATUS_LIST)
                .validFrom(T0.minus(Duration.ofDays(30))).validUntil(T0.plus(Duration.ofDays(365))).build();
    }

    /** A builder for edition 5, iat T0 − 1 h, exp T0 + 7 d, with both entries. */
    public static TrustListBuilder edition(long seq) {
        return new TrustListBuilder().issuedBy(LIST_ISSUER).seq(seq).issuedAt(T0.minus(Duration.ofHours(1)))
                .expiresAt(T0.plus(Duration.ofDays(7))).add(rz()).add(license());
    }

    /** The entries as JSON, as a signed list carries them, for tests that damage them. */
    public static List<Object> entriesJson() {
        List<Object> out = new ArrayList<>();
        out.add(new LinkedHashMap<>(rz().toJson()));
        out.add(new LinkedHashMap<>(license().toJson()));
        return out;
    }

    /** Claims of a good edition, for tests that change one of them. */
    public static Map<String, Object> claims(long seq) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", LIST_ISSUER);
        c.put("iat", T0.minus(Duration.ofHours(1)).getEpochSecond());
        c.put("exp", T0.plus(Duration.ofDays(7)).getEpochSecond());
        c.put("seq", seq);
        c.put("issuers", entriesJson());
        return c;
    }

    public static String sign(Map<String, Object> claims) {
        return sign(claims, ANCHOR, TrustListVerifier.TYPE);
    }

    public static String sign(Map<String, Object> claims, SigningKey key, String typ) {
        JwsBuilder b = JwsBuilder.signedWith(key).claims(claims);
        if (typ != null) {
            b.type(typ);
        }
        return b.sign();
    }

    /** Signs an arbitrary payload text (not necessarily a JSON object) as a trust list. */
    public static String signRaw(String payload) {
        return JwsBuilder.signedWith(ANCHOR).type(TrustListVerifier.TYPE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).sign();
    }

    public static String json(Object value) {
        return Json.writeString(value);
    }

    public static String b64(String s) {
        return Base64Url.encode(s.getBytes(StandardCharsets.UTF_8));
    }
}
