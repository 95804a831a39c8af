package org.zwfw.sdk.id;

/**
 * The shape rule for administrative division codes (GB/T 2260). There is deliberately no code
 * table: codes are added and retired every year, so only the province level is checked.
 */
final class DivisionCodes {

    private DivisionCodes() {
    }

    /**
     * Province-level codes of GB/T 2260 plus 81 and 82 (Hong Kong, Macao): 11-15, 21-23, 31-37,
     * 41-46, 50-54, 61-65, 71, 81, 82.
     */
    static boolean isProvince(int code) {
        switch (code / 10) {
            case 1:
                return code >= 11 && code <= 15;
            case 2:
                return code >= 21 && code <= 23;
            case 3:
                return code >= 31 && code <= 37;
            case 4:
                return code >= 41 && code <= 46;
            case 5:
                return code >= 50 && code <= 54;
            case 6:
                return code >= 61 && code <= 65;
            case 7:
                return code == 71;
            case 8:
                return code == 81 || code == 82;
            default:
                return false;
        }
    }

    /**
     * Shape of digits 1-6 of a resident ID number: a province code; or 83 (residence permits of
     * Taiwan residents, 830000); or 9 followed by a province code (foreign permanent resident ID
     * cards of the 2023 layout). Assumes 6 ASCII digits from {@code from}.
     */
    static boolean isResidentShape(CharSequence s, int from) {
        int first = s.charAt(from) - '0';
        int second = s.charAt(from + 1) - '0';
        int two = first * 10 + second;
        if (isProvince(two) || two == 83) {
            return true;
        }
        return first == 9 && isProvince(second * 10 + (s.charAt(from + 2) - '0'));
    }

    /**
     * Shape of characters 3-8 of a USCC: a province code, or 100000 (registration at the central
     * level). Assumes 6 ASCII digits from {@code from}.
     */
    static boolean isRegistrationShape(CharSequence s, int from) {
        int two = (s.charAt(from) - '0') * 10 + (s.charAt(from + 1) - '0');
        if (isProvince(two)) {
            return true;
        }
        for (int i = 1; i < 6; i++) {
            if (s.charAt(from + i) != '0') {
                return false;
            }
        }
        return s.charAt(from) == '1';
    }
}
