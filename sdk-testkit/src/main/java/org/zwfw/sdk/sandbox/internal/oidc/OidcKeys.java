package org.zwfw.sdk.sandbox.internal.oidc;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.KeyFormatException;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.sandbox.internal.StateDirectory;
import org.zwfw.sdk.sandbox.internal.StrictJson;

/**
 * The OpenID provider's keys ({@code spec/sandbox.md} §10.1): one signing key per ID-token
 * algorithm ({@code RS256} with the JDK, {@code ES256}, {@code EdDSA}, {@code SGD_SM3_SM2}), a
 * second {@code SGD_SM3_SM2} key for RNATs only, a P-256 key published with {@code use} {@code enc}
 * (never used), and the pairwise key. A rotation makes a new generation of signing keys and keeps
 * the one before it published (one previous generation), unless it is retired. Persisted in the
 * state directory when there is one (§10.6). Thread-safe: a generation is immutable and replaced
 * whole.
 */
public final class OidcKeys {

    /** One generation of signing keys. */
    record Generation(RsaKey rsa, SigningKey es256, SigningKey eddsa, SigningKey sm2, SigningKey rnat) {

        List<VerificationKey> publicKeys() {
            return List.of(rsa.verificationKey(), es256.verificationKey(), eddsa.verificationKey(),
                    sm2.verificationKey(), rnat.verificationKey());
        }

        List<Map<String, Object>> jwks() {
            List<Map<String, Object>> out = new ArrayList<>();
            out.add(rsa.publicJwk());
            for (SigningKey k : List.of(es256, eddsa, sm2, rnat)) {
                out.add(k.verificationKey().toJwk());
            }
            return out;
        }

        static Generation generate() {
            return new Generation(RsaKey.generate(), SigningKey.generate(JwsAlgorithm.ES256),
                    SigningKey.generate(JwsAlgorithm.EDDSA), SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2),
                    SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(OidcKeys.class);
    private static final String KEYS = "keys/";
    private static final String[] FILES = {"oidc-rsa.pem", "oidc-es256.jwk", "oidc-eddsa.jwk", "oidc-sm2.jwk",
        "oidc-rnat.jwk"};
    private static final String ENC = KEYS + "oidc-enc.jwk";
    private static final String PAIRWISE = KEYS + "oidc-pairwise.key";

    private final StateDirectory state;
    private final SigningKey enc;
    private final byte[] pairwiseKey;
    private volatile Generation current;
    private volatile Generation previous;

    private OidcKeys(StateDirectory state, SigningKey enc, byte[] pairwiseKey, Generation current,
            Generation previous) {
        this.state = state;
        this.enc = enc;
        this.pairwiseKey = pairwiseKey;
        this.current = current;
        this.previous = previous;
    }

    /**
     * Loads the keys from the state directory, or makes them: in memory without one; on its first
     * start; and when an existing state has none of them (made before the provider existed). A
     * state with some of them and not others is damaged: replacing the pairwise key would change
     * every {@code sub} the relying parties know.
     *
     * @param state the state directory, or {@code null}
     * @return the keys
     * @throws IllegalStateException naming a missing or damaged key file
     */
    public static OidcKeys open(StateDirectory state) {
        if (state == null) {
            return new OidcKeys(null, SigningKey.generate(JwsAlgorithm.ES256), random(32), Generation.generate(), null);
        }
        List<String> all = new ArrayList<>();
        for (String f : FILES) {
            all.add(KEYS + f);
        }
        all.add(ENC);
        all.add(PAIRWISE);
        long present = all.stream().filter(state::exists).count();
        if (present == 0) {
            OidcKeys keys = new OidcKeys(state, SigningKey.generate(JwsAlgorithm.ES256), random(32),
                    Generation.generate(), null);
            keys.writeGeneration(KEYS, keys.current);
            state.writeText(ENC, keys.enc.toPrivateJwkJson() + "\n");
            state.writeText(PAIRWISE, Texts.base64url(keys.pairwiseKey) + "\n");
            LOG.debug("made the OpenID provider's keys in {}", state.root());
            return keys;
        }
        for (String f : all) {
            if (!state.exists(f)) {
                throw state.damaged(f, "the OpenID provider's key is missing while its other keys are there; restore"
                        + " it, or move the directory away to start afresh (a new pairwise key changes every sub)");
            }
        }
        Generation current = readGeneration(state, KEYS);
        Generation previous = null;
        String prev = StateDirectory.PREVIOUS_KEYS + "/";
        if (state.exists(prev + FILES[0])) {
            previous = readGeneration(state, prev);
        }
        SigningKey enc = readKey(state, ENC, JwsAlgorithm.ES256);
        byte[] pairwise;
        try {
            pairwise = java.util.Base64.getUrlDecoder().decode(state.readText(PAIRWISE).strip());
        } catch (IllegalArgumentException e) {
            throw state.damaged(PAIRWISE, "not base64url");
        }
        if (pairwise.length != 32) {
            throw state.damaged(PAIRWISE, "a pairwise key is 32 bytes, this one " + pairwise.length);
        }
        return new OidcKeys(state, enc, pairwise, current, previous);
    }

    private static Generation readGeneration(StateDirectory state, String dir) {
        RsaKey rsa;
        try {
            rsa = RsaKey.fromPem(state.readText(dir + FILES[0]));
        } catch (IllegalArgumentException e) {
            throw state.damaged(dir + FILES[0], e.getMessage());
        }
        return new Generation(rsa, readKey(state, dir + FILES[1], JwsAlgorithm.ES256),
                readKey(state, dir + FILES[2], JwsAlgorithm.EDDSA), readKey(state, dir + FILES[3],
                JwsAlgorithm.SGD_SM3_SM2), readKey(state, dir + FILES[4], JwsAlgorithm.SGD_SM3_SM2));
    }

    private static SigningKey readKey(StateDirectory state, String file, JwsAlgorithm alg) {
        SigningKey key;
        try {
            key = SigningKey.fromJwk(state.readText(file).strip());
        } catch (KeyFormatException e) {
            throw state.damaged(file, "not a private JWK: " + e.getMessage());
        }
        if (key.algorithm() != alg || key.keyId().isEmpty()) {
            throw state.damaged(file, "expected a " + alg.jwsName() + " key with a kid");
        }
        return key;
    }

    private void writeGeneration(String dir, Generation g) {
        state.writeText(dir + FILES[0], g.rsa().toPem());
        state.writeText(dir + FILES[1], g.es256().toPrivateJwkJson() + "\n");
        state.writeText(dir + FILES[2], g.eddsa().toPrivateJwkJson() + "\n");
        state.writeText(dir + FILES[3], g.sm2().toPrivateJwkJson() + "\n");
        state.writeText(dir + FILES[4], g.rnat().toPrivateJwkJson() + "\n");
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** @return the pairwise key, a copy */
    byte[] pairwiseKey() {
        return pairwiseKey.clone();
    }

    /** @return the generation that signs now */
    Generation current() {
        return current;
    }

    /**
     * A new generation signs from now on; the one before it stays published unless retired.
     *
     * @param retirePrevious whether the keys signing until now are removed from the key set
     * @return the new generation
     */
    synchronized Generation rotate(boolean retirePrevious) {
        Generation next = Generation.generate();
        Generation old = current;
        if (state != null) {
            String prev = StateDirectory.PREVIOUS_KEYS + "/";
            if (retirePrevious) {
                for (String f : FILES) {
                    state.delete(prev + f);
                }
            } else {
                writeGeneration(prev, old);
            }
            writeGeneration(KEYS, next);
        }
        previous = retirePrevious ? null : old;
        current = next;
        return next;
    }

    /** @return the JWK Set: the current keys, the {@code enc} key, then the previous generation's */
    Map<String, Object> jwks() {
        Generation c = current;
        Generation p = previous;
        List<Map<String, Object>> keys = new ArrayList<>(c.jwks());
        Map<String, Object> e = new LinkedHashMap<>(enc.verificationKey().toJwk());
        e.put("use", "enc");
        e.remove("alg");
        keys.add(e);
        if (p != null) {
            keys.addAll(p.jwks());
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("keys", keys);
        return set;
    }

    /** @return the public signing keys, current and previous, for checking this provider's own tokens */
    KeySet verificationKeys() {
        List<VerificationKey> all = new ArrayList<>(current.publicKeys());
        Generation p = previous;
        if (p != null) {
            all.addAll(p.publicKeys());
        }
        return KeySet.of(all);
    }

    /** @return the current public signing keys, for the trust list */
    KeySet currentKeys() {
        return KeySet.of(current.publicKeys());
    }

    /**
     * Signs a JWT of ID-token keys (ID tokens, logout tokens, signed userinfo).
     *
     * @param alg    the app's algorithm
     * @param typ    the {@code typ} header
     * @param claims the claims
     * @return the compact JWS
     */
    String sign(JwsAlgorithm alg, String typ, Map<String, Object> claims) {
        Generation g = current;
        switch (alg) {
            case RS256: {
                Map<String, Object> header = new LinkedHashMap<>();
                header.put("alg", "RS256");
                header.put("typ", typ);
                header.put("kid", g.rsa().keyId());
                String input = Texts.base64url(StrictJson.writeCompact(header).getBytes(StandardCharsets.UTF_8)) + "."
                        + Texts.base64url(StrictJson.writeCompact(claims).getBytes(StandardCharsets.UTF_8));
                return input + "." + Texts.base64url(g.rsa().sign(input.getBytes(StandardCharsets.US_ASCII)));
            }
            case ES256:
                return JwsBuilder.signedWith(g.es256()).type(typ).claims(claims).sign();
            case EDDSA:
                return JwsBuilder.signedWith(g.eddsa()).type(typ).claims(claims).sign();
            case SGD_SM3_SM2:
                return JwsBuilder.signedWith(g.sm2()).type(typ).claims(claims).sign();
            default:
                throw new IllegalArgumentException("the provider does not sign " + alg);
        }
    }

    @Override
    public String toString() {
        return "OidcKeys[" + (state == null ? "in memory" : state.root()) + "]";
    }
}
