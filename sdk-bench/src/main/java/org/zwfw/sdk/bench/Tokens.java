package org.zwfw.sdk.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.SigningKey;

/** A realistic token (an RNAT-sized claim set) and its parts, shared by the benchmarks. */
final class Tokens {

    final SigningKey key;
    final String compact;
    final byte[] signingInput;
    final byte[] signature;

    Tokens(JwsAlgorithm alg) {
        this.key = SigningKey.generate(alg).withKeyId("bench-" + alg.jwsName());
        this.compact = JwsBuilder.signedWith(key).type("rnat+jwt").claims(claims()).sign();
        int dot = compact.lastIndexOf('.');
        this.signingInput = compact.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
        this.signature = java.util.Base64.getUrlDecoder().decode(compact.substring(dot + 1));
    }

    static Map<String, Object> claims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", "https://id.zwfw.example.gov.cn");
        c.put("sub", "p7Yh3kQ2m9LrXv0sW1tBzA");
        c.put("aud", "https://hospital.example.com");
        c.put("iat", 1767225600L);
        c.put("exp", 1767229200L);
        c.put("jti", "c0a8e5b4-3f1d-4a8e-9b7c-2d6f1e0a9c3b");
        c.put("acr", "urn:zwfw:rn:L3");
        c.put("auth_time", 1767225590L);
        c.put("amr", List.of("face", "idcard"));
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("trust_framework", "cn_zwfw");
        verification.put("assurance_level", "L3");
        verification.put("time", 1767225590L);
        c.put("verified_claims", Map.of("verification", verification, "claims", Map.of("id_number_masked",
                "11**************2X")));
        return c;
    }
}
