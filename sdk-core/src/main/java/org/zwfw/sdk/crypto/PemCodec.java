package org.zwfw.sdk.crypto;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.zwfw.sdk.internal.Texts;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.DERNull;

/** PEM text (RFC 7468) in and out. */
final class PemCodec {

    static final int MAX_PEM_CHARS = 1 << 20;

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";
    /** RFC 7468 §3 label: printable ASCII except '-', single spaces or hyphens inside; bounded here. */
    private static final java.util.regex.Pattern LABEL =
            java.util.regex.Pattern.compile("[\\x21-\\x2C\\x2E-\\x7E]+([ -][\\x21-\\x2C\\x2E-\\x7E]+)*");

    record Block(String label, byte[] der) {
    }

    private PemCodec() {
    }

    static List<Block> blocks(String pem) {
        Objects.requireNonNull(pem, "pem");
        if (pem.length() > MAX_PEM_CHARS) {
            throw new KeyFormatException("PEM text of " + pem.length() + " characters exceeds " + MAX_PEM_CHARS);
        }
        List<Block> out = new ArrayList<>();
        int at = 0;
        while (true) {
            int begin = pem.indexOf(BEGIN, at);
            if (begin < 0) {
                break;
            }
            int lineEnd = pem.indexOf('\n', begin);
            int labelEnd = pem.indexOf(DASHES, begin + BEGIN.length());
            if (labelEnd < 0 || (lineEnd >= 0 && labelEnd > lineEnd)) {
                throw new KeyFormatException("PEM BEGIN line is not closed by '-----' on the same line");
            }
            String label = pem.substring(begin + BEGIN.length(), labelEnd);
            if (label.length() > 64 || !LABEL.matcher(label).matches()) {
                throw new KeyFormatException("PEM label " + Texts.quote(label, 40) + " is not an RFC 7468 label");
            }
            String endLine = END + label + DASHES;
            int end = pem.indexOf(endLine, labelEnd);
            if (end < 0) {
                throw new KeyFormatException("PEM block '" + label + "' has no matching END line");
            }
            String body = pem.substring(labelEnd + DASHES.length(), end);
            if (body.contains("Proc-Type:") || body.contains("DEK-Info:")) {
                throw new KeyFormatException("PEM block '" + label + "' is encrypted (legacy OpenSSL encryption);"
                        + " decrypt it first, e.g. with 'openssl pkey'");
            }
            byte[] der;
            try {
                String compact = body.replaceAll("\\s+", "");
                if (!compact.matches("[A-Za-z0-9+/]*={0,2}")) {
                    throw new IllegalArgumentException("characters outside the base64 alphabet");
                }
                der = Base64.getDecoder().decode(compact);
            } catch (IllegalArgumentException e) {
                throw new KeyFormatException("PEM block '" + label + "' is not base64: " + e.getMessage());
            }
            if (der.length == 0) {
                throw new KeyFormatException("PEM block '" + label + "' is empty");
            }
            out.add(new Block(label, der));
            at = end + endLine.length();
        }
        if (out.isEmpty()) {
            throw new KeyFormatException("no PEM block found (expected a line '-----BEGIN ...-----')");
        }
        return out;
    }

    static VerificationKey readVerificationKey(String pem) {
        for (Block b : blocks(pem)) {
            switch (b.label()) {
                case "PUBLIC KEY":
                    return Asn1Keys.fromSubjectPublicKeyInfo(b.der());
                case "CERTIFICATE":
                    return Asn1Keys.fromCertificate(b.der());
                case "RSA PUBLIC KEY":
                    return Asn1Keys.fromSubjectPublicKeyInfo(new SubjectPublicKeyInfo(
                            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                            b.der()));
                case "PRIVATE KEY":
                case "EC PRIVATE KEY":
                case "ENCRYPTED PRIVATE KEY":
                case "RSA PRIVATE KEY":
                    throw new KeyFormatException("PEM holds a private key ('" + b.label() + "') where a public key or"
                            + " certificate is expected; publish only the public key");
                default:
                    // e.g. EC PARAMETERS: skip
            }
        }
        throw new KeyFormatException("PEM holds no PUBLIC KEY or CERTIFICATE block");
    }

    static SigningKey readSigningKey(String pem) {
        for (Block b : blocks(pem)) {
            switch (b.label()) {
                case "PRIVATE KEY":
                    return Asn1Keys.fromPrivateKeyInfo(b.der());
                case "EC PRIVATE KEY":
                    return Asn1Keys.fromSec1(b.der());
                case "ENCRYPTED PRIVATE KEY":
                    throw new KeyFormatException("PEM private key is encrypted (PKCS#8 EncryptedPrivateKeyInfo);"
                            + " decrypt it first or use a PKCS#12 store");
                case "RSA PRIVATE KEY":
                    throw new KeyFormatException("RSA keys are verify-only (RS256, PS256); the SDK does not sign"
                            + " with RSA");
                default:
                    // public keys, certificates, parameters: skip
            }
        }
        throw new KeyFormatException("PEM holds no PRIVATE KEY or EC PRIVATE KEY block");
    }

    static String encode(String label, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return BEGIN + label + DASHES + "\n" + b64 + "\n" + END + label + DASHES + "\n";
    }
}
