package org.zwfw.sdk.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.IssuerKeys;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.status.issuer.StatusListBuilder;

/** Keys, lists and tokens shared by the status tests; real keys and real signatures. */
/** Shared by the tests of this package and of its issuing/holder subpackage. */
public final class StatusFixtures {

    public static final String ISSUER = "https://issuer.example.gov.cn";
    public static final URI URI_1 = URI.create("https://issuer.example.gov.cn/status/1");
    public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public static final SigningKey KEY = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("status-key-1");
    public static final SigningKey OTHER_KEY = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("status-key-1");

    private StatusFixtures() {
    }

    public static KeySet issuerKeys() {
        return KeySet.of(KEY.verificationKey());
    }

    public static KeyResolver keys() {
        return IssuerKeys.of(Map.of(ISSUER, issuerKeys()));
    }

    /** 16 entries of 2 bits: 0 VALID, 1 INVALID, 2 SUSPENDED, 3 the value 3, the rest VALID. */
    public static StatusList list() {
        return StatusListBuilder.create(16, 2).set(1, Status.INVALID).set(2, Status.SUSPENDED).setValue(3, 3).build();
    }

    /** Claims of a good list issued at NOW - 60 s, valid for an hour, ttl 300 s. */
    public static Map<String, Object> claims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", ISSUER);
        c.put("sub", URI_1.toString());
        c.put("iat", NOW.getEpochSecond() - 60);
        c.put("exp", NOW.getEpochSecond() + 3600);
        c.put("ttl", 300L);
        c.put("status_list", list().toClaim());
        return c;
    }

    public static String sign(Map<String, Object> claims) {
        return sign(KEY, StatusListToken.TYPE, claims);
    }

    public static String sign(SigningKey key, String typ, Map<String, Object> claims) {
        JwsBuilder b = JwsBuilder.signedWith(key);
        if (typ != null) {
            b.type(typ);
        }
        return b.claims(claims).sign();
    }

    public static String token() {
        return sign(claims());
    }

    public static Map<String, Object> parse(String json) {
        return Json.parseObject(json.getBytes(StandardCharsets.UTF_8), 16);
    }
}
