package org.zwfw.sdk.credential;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.credential.issuer.SdJwtBuilder;
import org.zwfw.sdk.internal.sdjwt.SdJwt;

/** Keys, claims and helpers shared by the SD-JWT tests. */
/** Shared by the tests of this package and of its issuing/holder subpackage. */
public final class SdJwtFixtures {

    public static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final SigningKey ISSUER = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("issuer-1");
    public static final SigningKey HOLDER = SigningKey.generate(JwsAlgorithm.EDDSA);
    public static final String AUD = "https://hospital.example.com";
    public static final String NONCE = "n-7f3a1c";

    private SdJwtFixtures() {
    }

    public static Map<String, Object> claims() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("province", "浙江省");
        address.put("street", "文三路 100 号");
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", "https://issuer.example.gov.cn");
        c.put("iat", NOW.minusSeconds(3600).getEpochSecond());
        c.put("exp", NOW.plusSeconds(86_400).getEpochSecond());
        c.put("vct", "urn:zwfw:vct:license:1");
        c.put("license_name", "食品经营许可证");
        c.put("holder_name", "张三");
        c.put("address", address);
        c.put("scopes", List.of("retail", "catering", "wholesale"));
        c.put("cnf", Map.of("jwk", HOLDER.verificationKey().toJwk()));
        return c;
    }

    public static SdJwt issue() {
        return SdJwt.parse(SdJwtBuilder.signedWith(ISSUER).type("dc+sd-jwt").claims(claims())
                .selectivelyDisclosable(ClaimPath.of("license_name"), ClaimPath.of("holder_name"),
                        ClaimPath.of("address"), ClaimPath.of("address", "street"), ClaimPath.of("scopes", 1))
                .build());
    }

    public static SdJwtVerifier.Builder verifier() {
        return SdJwtVerifier.builder().keys(org.zwfw.sdk.crypto.KeySet.of(ISSUER.verificationKey())).clock(CLOCK)
                .audience(AUD);
    }

    /** Signs an arbitrary payload as the issuer, to build SD-JWTs that a correct issuer would never make. */
    public static String signPayload(Map<String, Object> payload) {
        return JwsBuilder.signedWith(ISSUER).type("dc+sd-jwt").claims(payload).sign();
    }

    public static String disclosureText(String json) {
        return Base64Url.encode(json.getBytes(StandardCharsets.UTF_8));
    }

    public static String digest(String disclosure) {
        return SdHashAlgorithm.SHA_256.digest(disclosure);
    }

    public static Map<String, Object> parse(String json) {
        return Json.parseObject(json.getBytes(StandardCharsets.UTF_8), 16);
    }
}
