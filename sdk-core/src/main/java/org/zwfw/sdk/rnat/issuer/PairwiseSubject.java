package org.zwfw.sdk.rnat.issuer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.zwfw.sdk.id.ResidentIdNumber;
import org.zwfw.sdk.internal.Base64Url;

/**
 * Pairwise {@code sub} (spec/realname-token.md §7, OpenID Connect Core §8.1): each relying
 * party's sector sees its own pseudonym for a person, and two sectors cannot link theirs.
 * {@code sub = BASE64URL(HMAC-SM3(K, "zwfw-pairwise-sub-v1" ‖ 0x00 ‖ SECTOR ‖ 0x00 ‖ RID))}. The
 * key makes the ~2^37 plausible ID numbers useless to an attacker who tries them all.
 *
 * <p>Thread-safe. {@link #toString()} never shows the key.
 */
public final class PairwiseSubject {

    /** The key length: 32 bytes. */
    public static final int KEY_BYTES = 32;
    private static final byte[] LABEL = "zwfw-pairwise-sub-v1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] key;

    private PairwiseSubject(byte[] key) {
        this.key = key;
    }

    /**
     * @param key the issuer's pairwise key, {@value #KEY_BYTES} bytes, copied; a new key changes every {@code sub}
     * @return the derivation
     */
    public static PairwiseSubject of(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a pairwise key is " + KEY_BYTES + " bytes");
        }
        return new PairwiseSubject(key.clone());
    }

    /**
     * @param sector     the relying party's sector identifier, 1..255 printable ASCII characters
     * @param residentId the person's resident ID number (check character valid; {@code x} read as {@code X})
     * @return the 43-character {@code sub}
     * @throws IllegalArgumentException naming the rule broken, never the number
     */
    public String derive(String sector, String residentId) {
        if (sector == null || sector.isEmpty() || sector.length() > 255
                || !sector.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("a sector identifier is 1 to 255 printable ASCII characters");
        }
        String rid = residentId == null ? "" : residentId.replace('x', 'X');
        if (rid.length() != 18 || !ResidentIdNumber.isValid(rid)) {
            throw new IllegalArgumentException("the pairwise subject needs a valid 18-character resident ID number");
        }
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] s = sector.getBytes(StandardCharsets.US_ASCII);
        byte[] r = rid.getBytes(StandardCharsets.US_ASCII);
        mac.update(LABEL, 0, LABEL.length);
        mac.update((byte) 0);
        mac.update(s, 0, s.length);
        mac.update((byte) 0);
        mac.update(r, 0, r.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        Arrays.fill(r, (byte) 0);
        return Base64Url.encode(out);
    }

    @Override
    public String toString() {
        return "PairwiseSubject[HMAC-SM3]";
    }
}
