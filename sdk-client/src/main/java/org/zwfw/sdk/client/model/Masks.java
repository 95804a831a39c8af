package org.zwfw.sdk.client.model;

import org.zwfw.sdk.id.MaskingPolicy;

/**
 * How the models' {@code toString()} shows personal data: sdk-core's {@link MaskingPolicy#DEFAULT}
 * for names, ID numbers, phones and account numbers; tokens and credentials not at all.
 */
final class Masks {

    private static final MaskingPolicy POLICY = MaskingPolicy.DEFAULT;

    private Masks() {
    }

    static String name(String name) {
        return name == null ? null : POLICY.maskName(name);
    }

    static String idNumber(String idNumber) {
        return idNumber == null ? null : POLICY.maskIdNumber(idNumber);
    }

    static String phone(String phone) {
        return phone == null ? null : POLICY.maskPhone(phone);
    }

    static String account(String account) {
        return account == null ? null : POLICY.maskBankCard(account);
    }

    /** An address or any other text about a person: nothing of it shown. */
    static String hidden(String text) {
        return text == null ? null : POLICY.mask(text, 0, 0);
    }

    /** A pairwise subject identifier: its first four characters. */
    static String ref(String ref) {
        return ref == null ? null : POLICY.mask(ref, 4, 0);
    }

    /** A token or credential: only its length. */
    static String token(String token) {
        return token == null ? null : "(" + token.length() + " characters, not shown)";
    }
}
