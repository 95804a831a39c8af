package org.zwfw.sdk.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1BitString;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * DER key structures: SubjectPublicKeyInfo (RFC 5280 §4.1, RFC 5480, RFC 8410), PKCS#8
 * PrivateKeyInfo (RFC 5208), SEC 1 ECPrivateKey (RFC 5915) and X.509 certificates, for P-256,
 * SM2 (GM/T 0015, GB/T 20518: id-ecPublicKey with the sm2p256v1 curve OID, or the curve OID
 * itself as algorithm), Ed25519 and RSA.
 */
final class Asn1Keys {

    private Asn1Keys() {
    }

    static VerificationKey fromSubjectPublicKeyInfo(byte[] der) {
        SubjectPublicKeyInfo spki;
        try {
            spki = SubjectPublicKeyInfo.getInstance(strictDer(der, "SubjectPublicKeyInfo"));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new KeyFormatException("not a SubjectPublicKeyInfo: " + e.getMessage());
        }
        return fromSubjectPublicKeyInfo(spki);
    }

    static VerificationKey fromSubjectPublicKeyInfo(SubjectPublicKeyInfo spki) {
        AlgorithmIdentifier algId = spki.getAlgorithm();
        ASN1ObjectIdentifier oid = algId.getAlgorithm();
        byte[] keyBytes = spki.getPublicKeyData().getBytes();
        if (spki.getPublicKeyData().getPadBits() != 0) {
            throw new KeyFormatException("public key BIT STRING has unused bits");
        }
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey) || oid.equals(Curves.SM2_OID)) {
            KeyType type = ecType(oid.equals(Curves.SM2_OID) ? Curves.SM2_OID : algId.getParameters());
            PublicMaterial m = type == KeyType.SM2
                    ? new Sm2Public(Curves.decodePoint(type, keyBytes), Sm2.defaultSignerId())
                    : new EcPublic(Curves.decodePoint(type, keyBytes));
            return new VerificationKey(m, type.defaultAlgorithm, null, true);
        }
        if (oid.equals(Curves.ED25519_OID)) {
            return new VerificationKey(new Ed25519Public(keyBytes), JwsAlgorithm.EDDSA, null, true);
        }
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption) || oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            RSAPublicKey rsa;
            try {
                rsa = RSAPublicKey.getInstance(strictDer(keyBytes, "RSAPublicKey"));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new KeyFormatException("RSA public key is not a valid RSAPublicKey: " + e.getMessage());
            }
            JwsAlgorithm alg = oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS) ? JwsAlgorithm.PS256 : JwsAlgorithm.RS256;
            return new VerificationKey(new RsaPublic(rsa.getModulus(), rsa.getPublicExponent()), alg, null, true);
        }
        throw new KeyFormatException("public key algorithm " + oid.getId() + " is not supported"
                + " (EC P-256, SM2, Ed25519, RSA)");
    }

    static VerificationKey fromCertificate(byte[] der) {
        Certificate cert;
        try {
            // Certificates are taken as issued (some CAs emit BER quirks); only the key is used.
            cert = Certificate.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new KeyFormatException("not an X.509 certificate: " + e.getMessage());
        }
        return fromSubjectPublicKeyInfo(cert.getSubjectPublicKeyInfo());
    }

    static SigningKey fromPrivateKeyInfo(byte[] der) {
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(strictDer(der, "PrivateKeyInfo"));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new KeyFormatException("not a PKCS#8 PrivateKeyInfo: " + e.getMessage());
        }
        ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
        try {
            if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey) || oid.equals(Curves.SM2_OID)) {
                org.bouncycastle.asn1.sec.ECPrivateKey sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(
                        strictDer(info.getPrivateKey().getOctets(), "ECPrivateKey inside PKCS#8"));
                ASN1Encodable params = oid.equals(Curves.SM2_OID) ? Curves.SM2_OID
                        : info.getPrivateKeyAlgorithm().getParameters();
                return fromEc(sec1, params);
            }
            if (oid.equals(Curves.ED25519_OID)) {
                byte[] seed = ASN1OctetString.getInstance(
                        strictDer(info.getPrivateKey().getOctets(), "Ed25519 key inside PKCS#8")).getOctets();
                Ed25519Private m = new Ed25519Private(seed);
                if (info.hasPublicKey() && !Arrays.equals(info.getPublicKeyData().getOctets(), publicBytes(m))) {
                    throw new KeyFormatException("PKCS#8 Ed25519 public key does not match the private key");
                }
                return new SigningKey(m, JwsAlgorithm.EDDSA, null);
            }
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            if (e instanceof KeyFormatException) {
                throw (KeyFormatException) e;
            }
            throw new KeyFormatException("PKCS#8 private key is malformed: " + e.getClass().getSimpleName());
        }
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption) || oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            throw new KeyFormatException("RSA keys are verify-only (RS256, PS256); the SDK does not sign with RSA");
        }
        throw new KeyFormatException("private key algorithm " + oid.getId() + " is not supported"
                + " (EC P-256, SM2, Ed25519)");
    }

    private static byte[] publicBytes(Ed25519Private m) {
        byte[] spki = m.publicMaterial().subjectPublicKeyInfo();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    /** SEC 1 {@code EC PRIVATE KEY} (RFC 5915), as OpenSSL writes it. */
    static SigningKey fromSec1(byte[] der) {
        org.bouncycastle.asn1.sec.ECPrivateKey sec1;
        try {
            sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(strictDer(der, "ECPrivateKey"));
            return fromEc(sec1, null);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            if (e instanceof KeyFormatException) {
                throw (KeyFormatException) e;
            }
            throw new KeyFormatException("not a SEC 1 ECPrivateKey (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static SigningKey fromEc(org.bouncycastle.asn1.sec.ECPrivateKey sec1, ASN1Encodable outerParams) {
        ASN1Encodable params = outerParams != null ? outerParams : sec1.getParametersObject();
        if (outerParams != null && sec1.getParametersObject() != null
                && !sec1.getParametersObject().toASN1Primitive().equals(outerParams.toASN1Primitive())) {
            throw new KeyFormatException("EC private key names two different curves");
        }
        KeyType type = ecType(params);
        BigInteger d = sec1.getKey();
        if (d.bitLength() > 256) {
            throw new KeyFormatException("EC private scalar is longer than 32 bytes");
        }
        PrivateMaterial m = type == KeyType.SM2 ? new Sm2Private(d, Sm2.defaultSignerId()) : new EcPrivate(d);
        ASN1BitString pub = sec1.getPublicKey();
        if (pub != null) {
            if (pub.getPadBits() != 0) {
                throw new KeyFormatException("EC private key's public key BIT STRING has unused bits");
            }
            org.bouncycastle.math.ec.ECPoint stated = Curves.decodePoint(type, pub.getOctets());
            if (!stated.equals(((CurvePublic) m.publicMaterial()).point())) {
                throw new KeyFormatException("EC private key's embedded public key does not match the private scalar");
            }
        }
        return new SigningKey(m, type.defaultAlgorithm, null);
    }

    private static KeyType ecType(ASN1Encodable params) {
        if (params == null) {
            throw new KeyFormatException("EC key names no curve");
        }
        ASN1Primitive p = params.toASN1Primitive();
        if (!(p instanceof ASN1ObjectIdentifier)) {
            throw new KeyFormatException("EC key uses explicit curve parameters; only named curves are supported"
                    + " (P-256, SM2)");
        }
        if (p.equals(Curves.P256_OID)) {
            return KeyType.EC_P256;
        }
        if (p.equals(Curves.SM2_OID)) {
            return KeyType.SM2;
        }
        throw new KeyFormatException("EC curve " + ((ASN1ObjectIdentifier) p).getId()
                + " is not supported (P-256 1.2.840.10045.3.1.7, SM2 1.2.156.10197.1.301)");
    }

    /** Parses one DER object and rejects trailing bytes and non-DER (BER) encodings. */
    static ASN1Primitive strictDer(byte[] der, String what) {
        ASN1Primitive p;
        try {
            p = ASN1Primitive.fromByteArray(der);
        } catch (IOException e) {
            throw new KeyFormatException(what + " is not valid DER: " + e.getMessage());
        }
        try {
            if (!Arrays.equals(p.getEncoded("DER"), der)) {
                throw new KeyFormatException(what + " is not in canonical DER (or has trailing bytes)");
            }
        } catch (IOException e) {
            throw new KeyFormatException(what + " cannot be re-encoded: " + e.getMessage());
        }
        return p;
    }
}
