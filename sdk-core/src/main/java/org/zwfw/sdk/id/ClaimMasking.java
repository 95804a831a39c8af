package org.zwfw.sdk.id;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks personal data in claims before they are shown to a person or written to a report:
 * names of persons, ID numbers, phone numbers, card numbers and addresses, by claim name,
 * at any depth (inside objects and arrays). Registration data of organisations (USCC, license
 * ids) stays readable. A {@code holder_code} is masked unless {@code holder_code_type} says it is
 * a USCC ({@code 001}): fail safe, since it is a resident ID number otherwise.
 */
public final class ClaimMasking {

    private static final Set<String> NAMES = Set.of("holder_name", "name", "legal_representative", "nm",
            "given_name", "family_name");
    private static final Set<String> ID_NUMBERS = Set.of("social_security_number", "id_number", "aac002");
    private static final Set<String> PHONES = Set.of("phone_number", "phone", "mobile");
    private static final Set<String> CARDS = Set.of("card_number", "bank_card");
    private static final Set<String> OTHER = Set.of("address", "street", "street_address", "birthdate", "birth_date",
            "sub", "email");

    private ClaimMasking() {
    }

    /**
     * Masks every personal claim, at any depth.
     *
     * @param claims the claims, never {@code null}; not changed
     * @param policy how much of each value stays visible
     * @return a new map with the same members, personal values masked
     */
    public static Map<String, Object> mask(Map<String, ?> claims, MaskingPolicy policy) {
        boolean organisationHolder = "001".equals(claims.get("holder_code_type"));
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : claims.entrySet()) {
            out.put(e.getKey(), member(e.getKey(), e.getValue(), organisationHolder, policy));
        }
        return out;
    }

    /**
     * Masks one member.
     *
     * @param name               the claim name, or {@code null} for an array element whose claim is
     *                           unknown (its strings and numbers are masked whole: fail safe)
     * @param value              its JSON value
     * @param organisationHolder whether {@code holder_code_type} of the enclosing object is {@code 001}
     * @param policy             the masking policy
     * @return the value to show
     */
    public static Object member(String name, Object value, boolean organisationHolder, MaskingPolicy policy) {
        if (value instanceof Number) {
            // a phone or card number written as a JSON number is masked like the string
            String text = value.toString();
            Object masked = member(name, text, organisationHolder, policy);
            return masked.equals(text) ? value : masked;
        }
        if (value instanceof String) {
            String s = (String) value;
            if (name == null) {
                return policy.mask(s, 0, 0);
            }
            if (NAMES.contains(name)) {
                return policy.maskName(s);
            }
            if (ID_NUMBERS.contains(name) || name.equals("holder_code") && !organisationHolder) {
                return policy.maskIdNumber(s);
            }
            if (PHONES.contains(name)) {
                return policy.maskPhone(s);
            }
            if (CARDS.contains(name)) {
                return policy.maskBankCard(s);
            }
            if (OTHER.contains(name)) {
                return policy.mask(s, 0, 0);
            }
            return s;
        }
        if (value instanceof Map) {
            if (name != null && OTHER.contains(name)) {
                return "***";
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = (Map<String, Object>) value;
            return mask(inner, policy);
        }
        if (value instanceof List) {
            List<Object> list = new ArrayList<>();
            for (Object item : (List<?>) value) {
                // Elements of a personal claim (several phone numbers) are masked like the claim.
                list.add(member(name, item, organisationHolder, policy));
            }
            return list;
        }
        return value;
    }
}
