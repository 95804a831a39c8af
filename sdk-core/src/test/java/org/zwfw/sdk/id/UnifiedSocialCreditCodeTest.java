package org.zwfw.sdk.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    static final String EXAMPLE = "91110000600037341L";
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static IdentifierCheck check(String value) {
        IdentifierCheck check = UnifiedSocialCreditCode.check(value);
        assertThat(check.kind()).isEqualTo(IdentifierKind.USCC);
        assertThat(UnifiedSocialCreditCode.isValid(value)).as(value).isEqualTo(check.valid());
        return check;
    }

    /** A USCC from a department, category, division code and 8-character organization code body. */
    static String uscc(String prefix8, String orgBody8) {
        String first17 = prefix8 + orgBody8 + OrganizationCode.computeCheckCharacter(orgBody8);
        return first17 + UnifiedSocialCreditCode.computeCheckCharacter(first17);
    }

    @Test
    void parsesTheExample() {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(EXAMPLE);

        assertThat(code.value()).isEqualTo(EXAMPLE);
        assertThat(code.registrationDepartment()).isEqualTo('9');
        assertThat(code.entityCategory()).isEqualTo('1');
        assertThat(code.divisionCode()).isEqualTo("110000");
        assertThat(code.organizationCode()).isEqualTo(OrganizationCode.parse("60003734-1"));
        assertThat(code.checkCharacter()).isEqualTo('L');
        assertThat(code).hasToString(EXAMPLE);
        assertThat(check(EXAMPLE).details()).containsExactly(entry("registration_department", "9"),
                entry("entity_category", "1"), entry("division_code", "110000"),
                entry("organization_code", "600037341"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11100000000013338W", "11430000006122244L", "11100000MB03271699"})
    void acceptsTheUsccsInsideTheRealLicenseIdentifiers(String value) {
        assertThat(check(value).valid()).isTrue();
    }

    @Test
    void acceptsTheCentralLevelDivisionCode() {
        assertThat(UnifiedSocialCreditCode.parse("11100000000013338W").divisionCode()).isEqualTo("100000");
    }

    @Test
    void equalityFollowsTheValue() {
        assertThat(UnifiedSocialCreditCode.parse(EXAMPLE)).isEqualTo(UnifiedSocialCreditCode.parse(EXAMPLE))
                .hasSameHashCodeAs(UnifiedSocialCreditCode.parse(EXAMPLE))
                .isNotEqualTo(UnifiedSocialCreditCode.parse("11430000006122244L"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91110000600037341", "91110000600037341LL"})
    void rejectsWrongLength(String value) {
        assertThat(check(value).rules()).containsExactly(IdentifierRule.LENGTH);
    }

    @Test
    void rejectsLettersTheStandardDoesNotUse() {
        IdentifierCheck check = check("91110000600037341O");

        assertThat(check.rules()).containsExactly(IdentifierRule.CHARACTER_SET);
        assertThat(check.violations().get(0).message()).contains("position 18").contains("does not use I, O, S, V, Z");
    }

    @Test
    void rejectsOtherCharacters() {
        assertThat(check("9111000060003734-L").rules()).containsExactly(IdentifierRule.CHARACTER_SET);
    }

    @Test
    void rejectsLowercaseLettersWithoutNormalising() {
        IdentifierCheck check = check("91110000600037341l");

        assertThat(check.rules()).containsExactly(IdentifierRule.LOWERCASE_LETTER);
        assertThat(check.violations().get(0).message()).contains("position 18");
    }

    @Test
    void rejectsWrongCheckCharacter() {
        IdentifierCheck check = check("91110000600037341M");

        assertThat(check.rules()).containsExactly(IdentifierRule.CHECK_CHARACTER);
        assertThat(check.violations().get(0).message())
                .isEqualTo("check character (position 18) is 'M' but GB 32100 gives 'L'");
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91110000600037341M"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.kind()).isEqualTo(IdentifierKind.USCC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91000000", "91990000", "91200000", "91A10000", "91110A00"})
    void rejectsDivisionCodesOfImpossibleShape(String prefix) {
        IdentifierCheck check = check(uscc(prefix, "60003734"));

        assertThat(check.rules()).containsExactly(IdentifierRule.DIVISION_CODE_SHAPE);
        assertThat(check.details()).doesNotContainKey("division_code");
    }

    @Test
    void rejectsAnEmbeddedOrganizationCodeThatFailsGb11714() {
        String first17 = "91110000600037342";
        String value = first17 + UnifiedSocialCreditCode.computeCheckCharacter(first17);

        IdentifierCheck check = check(value);

        assertThat(check.rules()).containsExactly(IdentifierRule.EMBEDDED_ORG_CODE_CHECK_CHARACTER);
        assertThat(check.hasChecksumFailure()).isTrue();
        assertThat(check.violations().get(0).message()).contains("is '2' but GB 11714 gives '1'");
        assertThat(check.details()).doesNotContainKey("organization_code");
    }

    @Test
    void reportsEveryFailedRule() {
        IdentifierCheck check = check("91000000600037342L");

        assertThat(check.rules()).containsExactlyInAnyOrder(IdentifierRule.CHECK_CHARACTER,
                IdentifierRule.DIVISION_CODE_SHAPE, IdentifierRule.EMBEDDED_ORG_CODE_CHECK_CHARACTER);
    }

    @Test
    void checkOfSumDivisibleBy31IsZeroNotOutOfRange() {
        Random random = new Random(31);
        int found = 0;
        for (int i = 0; i < 100_000 && found < 3; i++) {
            String value = randomValid(random);
            if (value.charAt(17) == '0') {
                found++;
                assertThat(UnifiedSocialCreditCode.isValid(value)).isTrue();
            }
        }
        assertThat(found).isEqualTo(3);
    }

    @Test
    void computeCheckCharacterRejectsBadInput() {
        assertThat(UnifiedSocialCreditCode.computeCheckCharacter("91110000600037341")).isEqualTo('L');
        assertThatThrownBy(() -> UnifiedSocialCreditCode.computeCheckCharacter("9111000060003734"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnifiedSocialCreditCode.computeCheckCharacter("9111000060003734I"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnifiedSocialCreditCode.computeCheckCharacter("9111000060003734a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnifiedSocialCreditCode.check(null)).isInstanceOf(NullPointerException.class);
    }

    static String randomValid(Random random) {
        String[] divisions = {"110000", "110105", "330100", "440300", "100000", "650102"};
        StringBuilder prefix = new StringBuilder();
        prefix.append(ALPHABET.charAt(random.nextInt(31))).append(ALPHABET.charAt(random.nextInt(31)));
        prefix.append(divisions[random.nextInt(divisions.length)]);
        StringBuilder body = new StringBuilder();
        while (body.length() < 8) {
            body.append(ALPHABET.charAt(random.nextInt(31)));
        }
        String orgCode = body + String.valueOf(OrganizationCode.computeCheckCharacter(body));
        String first17 = prefix + orgCode;
        return first17 + UnifiedSocialCreditCode.computeCheckCharacter(first17);
    }

    @Test
    void randomBodiesWithComputedCheckValidate() {
        Random random = new Random(32100);
        for (int i = 0; i < 2_000; i++) {
            String value = randomValid(random);
            assertThat(UnifiedSocialCreditCode.isValid(value)).as(value).isTrue();
        }
    }

    @Test
    void everySingleSubstitutionIsCaught() {
        Random random = new Random(2015);
        for (int i = 0; i < 2_000; i++) {
            char[] value = randomValid(random).toCharArray();
            for (int pos = 0; pos < 18; pos++) {
                char original = value[pos];
                for (char replacement : ALPHABET.toCharArray()) {
                    if (replacement != original) {
                        value[pos] = replacement;
                        assertThat(UnifiedSocialCreditCode.isValid(new String(value))).isFalse();
                    }
                }
                value[pos] = original;
            }
        }
    }

    @Test
    void everySingleSubstitutionIsCaughtByTheMod31CheckAlone() {
        // Independent of the division-code and embedded organization code rules.
        Random random = new Random(2016);
        for (int i = 0; i < 2_000; i++) {
            char[] value = randomValid(random).toCharArray();
            int pos = random.nextInt(18);
            char replacement = ALPHABET.charAt(random.nextInt(31));
            if (replacement == value[pos]) {
                continue;
            }
            value[pos] = replacement;
            assertThat(check(new String(value)).rules()).contains(IdentifierRule.CHECK_CHARACTER);
        }
    }

    @Test
    void everyAdjacentTranspositionIsCaughtByTheMod31Check() {
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            char[] value = randomValid(random).toCharArray();
            for (int pos = 0; pos < 17; pos++) {
                if (value[pos] == value[pos + 1]) {
                    continue;
                }
                char[] swapped = value.clone();
                swapped[pos] = value[pos + 1];
                swapped[pos + 1] = value[pos];
                assertThat(check(new String(swapped)).rules()).contains(IdentifierRule.CHECK_CHARACTER);
            }
        }
    }

    @Test
    void isValidAgreesWithCheckOnRandomInput() {
        Random random = new Random(4);
        String noise = ALPHABET + "IOlx-";
        for (int i = 0; i < 2_000; i++) {
            char[] value = randomValid(random).toCharArray();
            for (int c = random.nextInt(3); c > 0; c--) {
                value[random.nextInt(18)] = noise.charAt(random.nextInt(noise.length()));
            }
            check(new String(value));
        }
    }
}
