package org.zwfw.sdk.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.sd.SDJWT;
import com.authlete.sd.SDObjectBuilder;
import com.authlete.sd.SDObjectDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.verify.VerificationResult;
import org.zwfw.sdk.credential.holder.PresentationBuilder;
import org.zwfw.sdk.credential.issuer.SdJwtBuilder;
import org.zwfw.sdk.internal.sdjwt.Disclosure;
import org.zwfw.sdk.internal.sdjwt.SdJwt;

/**
 * Interoperability with an independent SD-JWT implementation (Authlete's sd-jwt library, Java):
 * its disclosures and digests verify here, and this SDK's SD-JWTs decode there.
 */
class AuthleteInteropTest {

    @Test
    void authleteDisclosuresVerifyHere() {
        SDObjectBuilder address = new SDObjectBuilder();
        address.putClaim("province", "浙江省");
        com.authlete.sd.Disclosure street = address.putSDClaim("street", "文三路 100 号");
        address.putDecoyDigests(2);
        SDObjectBuilder top = new SDObjectBuilder();
        top.putClaim("iss", "https://issuer.example.gov.cn");
        top.putClaim("iat", SdJwtFixtures.NOW.getEpochSecond());
        com.authlete.sd.Disclosure name = top.putSDClaim("holder_name", "张三");
        com.authlete.sd.Disclosure addr = top.putSDClaim("address", address.build());
        top.putDecoyDigests(3);
        Map<String, Object> payload = top.build();
        payload.put("_sd_alg", "sha-256");

        String jwt = SdJwtFixtures.signPayload(payload);
        List<com.authlete.sd.Disclosure> all = List.of(name, addr, street);
        String compact = new SDJWT(jwt, all).toString();

        VerificationResult<VerifiedSdJwt> r = SdJwtFixtures.verifier().build().verify(compact, null);
        assertThat(r.errors()).isEmpty();
        Map<String, Object> claims = r.value().orElseThrow().claims();
        assertThat(claims).containsEntry("holder_name", "张三");
        assertThat(claims.get("address")).isEqualTo(Map.of("province", "浙江省", "street", "文三路 100 号"));

        // and each Authlete digest equals ours over the same text
        for (com.authlete.sd.Disclosure d : all) {
            assertThat(Disclosure.parse(d.getDisclosure()).digest(SdHashAlgorithm.SHA_256)).isEqualTo(d.digest());
        }
    }

    @Test
    void sdkCredentialsDecodeInAuthlete() {
        // Structured (address.street hidden inside a visible address) and array-element disclosures.
        // Authlete 1.5 does not decode recursive disclosures (a digest inside a disclosed value),
        // which RFC 9901 §4.2.6 allows and this SDK's verifier handles (SdJwtVerifierTest).
        SdJwt issued = SdJwt.parse(SdJwtBuilder.signedWith(SdJwtFixtures.ISSUER).type("dc+sd-jwt").claims(SdJwtFixtures.claims())
                .selectivelyDisclosable(ClaimPath.of("license_name"), ClaimPath.of("holder_name"),
                        ClaimPath.of("address", "street"), ClaimPath.of("scopes", 1)).build());
        SDJWT parsed = SDJWT.parse(issued.serialize());
        assertThat(parsed.getDisclosures()).hasSize(issued.disclosures().size());
        Map<String, Object> payload = new java.util.LinkedHashMap<>(
                ParsedJws.decode(parsed.getCredentialJwt()).claims().orElseThrow());
        Map<String, Object> decoded = new SDObjectDecoder().decode(payload, parsed.getDisclosures());
        decoded.remove("_sd_alg");
        Map<String, Object> expected = SdJwtFixtures.parse(org.zwfw.sdk.internal.Json.writeString(SdJwtFixtures.claims()));
        assertThat(org.zwfw.sdk.internal.Json.writeString(decoded)).isEqualTo(org.zwfw.sdk.internal.Json.writeString(
                reorder(decoded, expected)));
        assertThat(decoded.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    /** Authlete may put disclosed members in another order; compare member by member. */
    private static Map<String, Object> reorder(Map<String, Object> like, Map<String, Object> values) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (String k : like.keySet()) {
            Object v = values.get(k);
            if (v instanceof Map && like.get(k) instanceof Map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> a = (Map<String, Object>) like.get(k);
                @SuppressWarnings("unchecked")
                Map<String, Object> b = (Map<String, Object>) v;
                v = reorder(a, b);
            }
            out.put(k, v);
        }
        return out;
    }

    @Test
    void keyBindingSdHashAgreesWithAuthlete() {
        String presentation = PresentationBuilder.from(SdJwtFixtures.issue().serialize()).disclose("holder_name")
                .keyBinding(SdJwtFixtures.HOLDER, SdJwtFixtures.AUD, SdJwtFixtures.NONCE, SdJwtFixtures.NOW).build();
        SDJWT parsed = SDJWT.parse(presentation);
        Map<String, Object> kb = ParsedJws.decode(parsed.getBindingJwt()).claims().orElseThrow();
        assertThat(kb.get("sd_hash")).isEqualTo(parsed.getSDHash());
        List<String> names = new ArrayList<>();
        parsed.getDisclosures().forEach(d -> names.add(d.getClaimName()));
        assertThat(names).containsExactly("holder_name");
    }
}
