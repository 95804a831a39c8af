package org.zwfw.sdk.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.zwfw.sdk.internal.Base64Url;

/**
 * An Ed25519 public key (RFC 8032, RFC 8037). BouncyCastle decodes the point once when the key is
 * built and keeps it, so each verification skips point decompression. BouncyCastle rejects
 * S ≥ L and non-canonical encodings (RFC 8032 §5.1.7).
 */
final class Ed25519Public extends PublicMaterial {

    /** The group order L of edwards25519. */
    private static final BigInteger L = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    private final Ed25519PublicKeyParameters params;
    private final byte[] encoded;

    Ed25519Public(byte[] encoded) {
        if (encoded.length != 32) {
            throw new KeyFormatException("Ed25519 public key must be 32 bytes, found " + encoded.length);
        }
        // BouncyCastle's partial validation (run by this constructor) rejects non-canonical
        // encodings, points off the curve and the eight points of small order, which would let
        // anyone forge signatures for the key. The full prime-order check (a scalar
        // multiplication) is not needed for cofactorless verification and would double the cost of
        // every key seen only once, such as a holder key.
        try {
            this.params = new Ed25519PublicKeyParameters(encoded, 0);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("Ed25519 public key is not a valid point encoding, or is a point of small order");
        }
        this.encoded = encoded.clone();
    }

    @Override
    KeyType type() {
        return KeyType.ED25519;
    }

    @Override
    SignatureCheck verify(JwsAlgorithm alg, byte[] data, int off, int len, byte[] sig) {
        if (sig.length != 64) {
            return SignatureCheck.WRONG_LENGTH;
        }
        if (params.verify(Ed25519.Algorithm.Ed25519, null, data, off, len, sig, 0)) {
            return SignatureCheck.VALID;
        }
        byte[] sLittleEndian = Arrays.copyOfRange(sig, 32, 64);
        byte[] sBigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            sBigEndian[i] = sLittleEndian[31 - i];
        }
        return new BigInteger(1, sBigEndian).compareTo(L) >= 0 ? SignatureCheck.OUT_OF_RANGE : SignatureCheck.MISMATCH;
    }

    @Override
    Map<String, Object> jwkMembers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kty", "OKP");
        m.put("crv", "Ed25519");
        m.put("x", Base64Url.encode(encoded));
        return m;
    }

    @Override
    String thumbprintInput() {
        return "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Base64Url.encode(encoded) + "\"}";
    }

    @Override
    byte[] subjectPublicKeyInfo() {
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(Curves.ED25519_OID), encoded)
                    .getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    boolean sameKey(PublicMaterial other) {
        return other instanceof Ed25519Public && Arrays.equals(encoded, ((Ed25519Public) other).encoded);
    }

    @Override
    int keyHash() {
        return Arrays.hashCode(encoded);
    }
}
