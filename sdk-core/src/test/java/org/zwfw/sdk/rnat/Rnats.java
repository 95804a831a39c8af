package org.zwfw.sdk.rnat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.testing.MutableClock;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Real-name tokens for the tests of {@code org.zwfw.sdk.rnat}: an identity platform with one
 * key per algorithm on a trust list (type {@code rnat}), a relying party {@code portal-client},
 * a fixed validation time, and the claims of a valid token to change one at a time.
 */
final class Rnats {

    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    static final Instant IAT = NOW.minusSeconds(60);
    static final String RZ = "https://rz.zwfw.example.gov.cn";
    static final String LOGIN = "https://login.zwfw.example.gov.cn";
    static final String AUD = "portal-client";
    /** The person: the GB 11643 example number, a name and a mobile number. */
    static final String RID = "11010519491231002X";
    static final String NAME = "张三";
    static final String PHONE = "13800000001";
    /** The pairwise sub of {@link #RID} for sector portal.example.gov.cn (spec/realname-token.md §7). */
    static final String SUB = "nDb7GQGb2uvbnN7drE1U8Htj_e-RAgCOelhheT1_ZkA";

    static final SigningKey ES = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("rz-es256");
    static final SigningKey ED = SigningKey.generate(JwsAlgorithm.EDDSA).withKeyId("rz-eddsa");
    static final SigningKey SM2 = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("rz-sm2");
    static final SigningKey LOGIN_KEY = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("login-1");
    static final SigningKey OTHER = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("rz-es256");

    private static final AtomicLong JTI = new AtomicLong();

    final MutableClock clock = new MutableClock(NOW);

    static TrustedIssuer rz() {
        return TrustedIssuer.builder(RZ).name("identity platform").uscc("11100000000013338W")
                .keys(ES.verificationKey(), ED.verificationKey(), SM2.verificationKey())
                .types(TrustedIssuer.TYPE_RNAT).build();
    }

    static TrustedIssuer login() {
        return TrustedIssuer.builder(LOGIN).name("openid provider").uscc("91110000600037341L")
                .keys(LOGIN_KEY.verificationKey()).types(TrustedIssuer.TYPE_ID_TOKEN).build();
    }

    static TrustList trust(TrustedIssuer... extra) {
        List<TrustedIssuer> all = new ArrayList<>(List.of(rz(), login()));
        all.addAll(List.of(extra));
        return TrustList.of(all);
    }

    /** A verifier for {@link #AUD} with the trust list, on {@link #clock}. */
    RnatVerifier.Builder verifier() {
        return RnatVerifier.builder().trustList(TrustListKeys.of(trust())).audience(AUD).clock(clock);
    }

    /** The claims of a valid L3 token without identity attributes, a fresh jti each time. */
    static Map<String, Object> claims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", RZ);
        c.put("sub", SUB);
        c.put("aud", AUD);
        c.put("iat", IAT.getEpochSecond());
        c.put("exp", IAT.plusSeconds(300).getEpochSecond());
        c.put("jti", "jti-" + JTI.incrementAndGet() + "-0123456789abcdef");
        c.put("acr", "urn:zwfw:rn:L3");
        c.put("auth_time", IAT.minusSeconds(60).getEpochSecond());
        c.put("amr", List.of("sms", "face"));
        return c;
    }

    /** {@link #claims()} with {@code verified_claims} holding the given released claims. */
    static Map<String, Object> withVerifiedClaims(Map<String, Object> released) {
        Map<String, Object> c = claims();
        c.put("verified_claims", verifiedClaims("L3", released));
        return c;
    }

    static Map<String, Object> verifiedClaims(String level, Map<String, Object> released) {
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("trust_framework", "cn_zwfw");
        verification.put("assurance_level", level);
        verification.put("time", "2025-11-03T10:15:00+08:00");
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("verification", verification);
        vc.put("claims", new LinkedHashMap<>(released));
        return vc;
    }

    static Map<String, Object> with(Map<String, Object> c, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>(c);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, Object> without(Map<String, Object> c, String... names) {
        Map<String, Object> m = new LinkedHashMap<>(c);
        for (String n : names) {
            m.remove(n);
        }
        return m;
    }

    /** Signs as the issuer does: {@code alg} and {@code kid} from the key, {@code typ} rnat+jwt. */
    static String sign(SigningKey key, Map<String, Object> claims) {
        return JwsBuilder.signedWith(key).type(RnatVerifier.TYPE).claims(claims).sign();
    }

    static String sign(Map<String, Object> claims) {
        return sign(ES, claims);
    }

    /** Signs with any header (which may contradict the key). */
    static String signWithHeader(Map<String, Object> header, SigningKey key, Map<String, Object> claims) {
        String input = Base64Url.encode(Json.write(header)) + "." + Base64Url.encode(Json.write(claims));
        return input + "." + Base64Url.encode(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static Map<String, Object> header(String alg, String kid, String typ) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", alg);
        if (kid != null) {
            h.put("kid", kid);
        }
        if (typ != null) {
            h.put("typ", typ);
        }
        return h;
    }

    static Set<OutcomeCode> codes(VerificationResult<?> r) {
        return r.errors().stream().map(Finding::code).collect(Collectors.toSet());
    }

    static List<OutcomeCode> codeList(VerificationResult<?> r) {
        return r.errors().stream().map(Finding::code).collect(Collectors.toList());
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
