package org.zwfw.sdk.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zwfw.sdk.id.MaskingPolicy;

/**
 * Masks personal data in claims before the command prints them (unless {@code --show-pii}):
 * names of persons, ID numbers, phone numbers, card numbers and addresses, by claim name,
 * at any depth. Registration data of organisations (USCC, license ids) stays readable.
 */
final class ClaimMasking {

    private static final Set<String> NAMES = Set.of("holder_name", "name", "legal_representative", "nm",
            "given_name", "family_name");
    private static final Set<String> ID_NUMBERS = Set.of("social_security_number", "id_number", "aac002");
    private static final Set<String> PHONES = Set.of("phone_number", "phone", "mobile");
    private static final Set<String> CARDS = Set.of("card_number", "bank_card");
    private static final Set<String> OTHER = Set.of("address", "street", "street_address", "birthdate", "sub");

    private ClaimMasking() {
    }

    static Map<String, Object> mask(Map<String, ?> claims, MaskingPolicy policy) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean personHolder = "111".equals(claims.get("holder_code_type"));
        for (Map.Entry<String, ?> e : claims.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (v instanceof String) {
                String s = (String) v;
                if (NAMES.contains(k)) {
                    v = policy.maskName(s);
                } else if (ID_NUMBERS.contains(k) || k.equals("holder_code") && personHolder) {
                    v = policy.maskIdNumber(s);
                } else if (PHONES.contains(k)) {
                    v = policy.maskPhone(s);
                } else if (CARDS.contains(k)) {
                    v = policy.maskBankCard(s);
                } else if (OTHER.contains(k)) {
                    v = policy.mask(s, 0, 0);
                }
            } else if (v instanceof Map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) v;
                v = OTHER.contains(k) ? "***" : mask(inner, policy);
            } else if (v instanceof List) {
                List<Object> list = new ArrayList<>();
                for (Object item : (List<?>) v) {
                    if (item instanceof Map) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> inner = (Map<String, Object>) item;
                        list.add(mask(inner, policy));
                    } else {
                        list.add(item);
                    }
                }
                v = list;
            }
            out.put(k, v);
        }
        return out;
    }
}
