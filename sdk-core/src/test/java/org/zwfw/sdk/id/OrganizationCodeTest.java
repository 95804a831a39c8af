package org.zwfw.sdk.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationCodeTest {

    private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static IdentifierCheck check(String value) {
        IdentifierCheck check = OrganizationCode.check(value);
        assertThat(check.kind()).isEqualTo(IdentifierKind.ORG_CODE);
        assertThat(OrganizationCode.isValid(value)).as(value).isEqualTo(check.valid());
        return check;
    }

    private static String withCheck(String body) {
        return body + OrganizationCode.computeCheckCharacter(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"60003734-1", "600037341"})
    void parsesTheCodeInsideTheUsccExampleWithOrWithoutHyphen(String value) {
        OrganizationCode code = OrganizationCode.parse(value);

        assertThat(code.value()).isEqualTo("600037341");
        assertThat(code.formatted()).isEqualTo("60003734-1");
        assertThat(code.checkCharacter()).isEqualTo('1');
        assertThat(code).hasToString("60003734-1");
        assertThat(check(value).details()).containsExactly(java.util.Map.entry("formatted", "60003734-1"));
    }

    @Test
    void hyphenDoesNotAffectEquality() {
        assertThat(OrganizationCode.parse("60003734-1")).isEqualTo(OrganizationCode.parse("600037341"))
                .hasSameHashCodeAs(OrganizationCode.parse("600037341"));
    }

    @Test
    void acceptsOtherRealShapes() {
        // Organization codes inside the USCCs of the two real e-license identifiers.
        assertThat(OrganizationCode.isValid("000013338")).isTrue();
        assertThat(OrganizationCode.isValid("MB0327169")).isTrue();
        assertThat(OrganizationCode.computeCheckCharacter("00612224")).isEqualTo('4');
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "6000373", "6000373412", "60003734-12", "6000373412345678901234567890123456789012345"
        + "678901234567890123456789"})
    void rejectsWrongLength(String value) {
        assertThat(check(value).rules()).containsExactly(IdentifierRule.LENGTH);
    }

    @Test
    void rejectsHyphenElsewhereButStillChecksTheCharacters() {
        assertThat(check("6000-37341").rules()).containsExactly(IdentifierRule.HYPHEN_POSITION);
        assertThat(check("6000-37342").rules()).containsExactlyInAnyOrder(IdentifierRule.HYPHEN_POSITION,
                IdentifierRule.CHECK_CHARACTER);
        assertThat(check("60003734--1").rules()).containsExactly(IdentifierRule.HYPHEN_POSITION);
        assertThat(check("6000373-1").rules()).containsExactlyInAnyOrder(IdentifierRule.LENGTH,
                IdentifierRule.HYPHEN_POSITION);
        assertThat(check("600037341-").rules()).containsExactly(IdentifierRule.HYPHEN_POSITION);
        assertThat(check("6000-37341").violations().get(0).message()).contains("position 5");
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        IdentifierCheck body = check("6000#7341");
        IdentifierCheck checkChar = check("60003734A");

        assertThat(body.rules()).containsExactly(IdentifierRule.CHARACTER_SET);
        assertThat(body.violations().get(0).message()).contains("position 5").contains("'#'");
        assertThat(checkChar.rules()).containsExactly(IdentifierRule.CHARACTER_SET);
        assertThat(checkChar.violations().get(0).message()).contains("a digit or 'X'");
    }

    @Test
    void rejectsLowercaseLettersWithoutNormalising() {
        String upper = withCheck("MB032716");

        IdentifierCheck check = check(upper.toLowerCase(java.util.Locale.ROOT));

        assertThat(check.rules()).containsExactly(IdentifierRule.LOWERCASE_LETTER);
        assertThat(check.details()).isEmpty();
    }

    @Test
    void rejectsLowercaseCheckX() {
        String withX = findBodyWithCheck('X');

        assertThat(OrganizationCode.isValid(withX)).isTrue();
        assertThat(check(withX.substring(0, 8) + "x").rules()).containsExactly(IdentifierRule.LOWERCASE_LETTER);
        assertThat(check(withX.substring(0, 8) + "-x").rules()).containsExactly(IdentifierRule.LOWERCASE_LETTER);
    }

    @Test
    void rejectsWrongCheckCharacter() {
        IdentifierCheck check = check("60003734-2");

        assertThat(check.rules()).containsExactly(IdentifierRule.CHECK_CHARACTER);
        assertThat(check.violations().get(0).message())
                .isEqualTo("check character (position 10) is '2' but GB 11714 gives '1'");
        assertThat(check.details()).containsKey("formatted");
        assertThatThrownBy(() -> OrganizationCode.parse("600037342"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.kind()).isEqualTo(IdentifierKind.ORG_CODE));
    }

    @Test
    void checkValueElevenIsWrittenAsZeroAndTenAsX() {
        assertThat(OrganizationCode.computeCheckCharacter(findBodyWithCheck('0').substring(0, 8))).isEqualTo('0');
        assertThat(OrganizationCode.computeCheckCharacter(findBodyWithCheck('X').substring(0, 8))).isEqualTo('X');
        // 11 - (0 mod 11) = 11 → '0'
        assertThat(OrganizationCode.computeCheckCharacter("00000000")).isEqualTo('0');
    }

    @Test
    void computeCheckCharacterRejectsBadBodies() {
        assertThatThrownBy(() -> OrganizationCode.computeCheckCharacter("6000373"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrganizationCode.computeCheckCharacter("6000373a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrganizationCode.check(null)).isInstanceOf(NullPointerException.class);
    }

    private static String findBodyWithCheck(char check) {
        Random random = new Random(check);
        while (true) {
            String code = withCheck(randomBody(random));
            if (code.charAt(8) == check) {
                return code;
            }
        }
    }

    private static String randomBody(Random random) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            body.append(ALNUM.charAt(random.nextInt(random.nextBoolean() ? 10 : 36)));
        }
        return body.toString();
    }

    @Test
    void randomBodiesWithComputedCheckValidate() {
        Random random = new Random(11714);
        for (int i = 0; i < 2_000; i++) {
            String code = withCheck(randomBody(random));
            assertThat(OrganizationCode.isValid(code)).as(code).isTrue();
            assertThat(OrganizationCode.isValid(code.substring(0, 8) + "-" + code.charAt(8))).isTrue();
        }
    }

    /**
     * Mod 11 over values 0..35 catches every substitution except between characters whose values
     * differ by a multiple of 11 (0/B/M/X, 1/C/N/Y, ...): assert exactly that.
     */
    @Test
    void catchesEverySingleSubstitutionExceptValuesElevenApart() {
        Random random = new Random(1997);
        for (int i = 0; i < 2_000; i++) {
            char[] code = withCheck(randomBody(random)).toCharArray();
            for (int pos = 0; pos < 9; pos++) {
                char original = code[pos];
                String alphabet = pos == 8 ? "0123456789X" : ALNUM;
                for (char replacement : alphabet.toCharArray()) {
                    if (replacement == original) {
                        continue;
                    }
                    code[pos] = replacement;
                    int difference = ALNUM.indexOf(replacement) - ALNUM.indexOf(original);
                    boolean undetectable = pos < 8 && difference % 11 == 0;
                    assertThat(OrganizationCode.isValid(new String(code)))
                            .as("%s at position %d", new String(code), pos + 1).isEqualTo(undetectable);
                    if (Character.isDigit(original) && Character.isDigit(replacement)) {
                        assertThat(undetectable).isFalse();
                    }
                }
                code[pos] = original;
            }
        }
    }

    @Test
    void catchesAdjacentTranspositionsExceptValuesElevenApart() {
        Random random = new Random(8);
        for (int i = 0; i < 2_000; i++) {
            char[] code = withCheck(randomBody(random)).toCharArray();
            for (int pos = 0; pos < 8; pos++) {
                if (code[pos] == code[pos + 1]) {
                    continue;
                }
                char[] swapped = code.clone();
                swapped[pos] = code[pos + 1];
                swapped[pos + 1] = code[pos];
                boolean undetectable;
                if (pos < 7) {
                    undetectable = (ALNUM.indexOf(code[pos]) - ALNUM.indexOf(code[pos + 1])) % 11 == 0;
                } else {
                    // Body weight 2 at position 8, weight 1 on the check character, where X is 10.
                    int before = 2 * ALNUM.indexOf(code[7]) + checkValue(code[8]);
                    int after = 2 * ALNUM.indexOf(swapped[7]) + checkValue(swapped[8]);
                    undetectable = checkValue(swapped[8]) >= 0 && (before - after) % 11 == 0;
                }
                assertThat(OrganizationCode.isValid(new String(swapped))).as(new String(swapped))
                        .isEqualTo(undetectable);
            }
        }
    }

    private static int checkValue(char c) {
        return c == 'X' ? 10 : Character.isDigit(c) ? c - '0' : -1;
    }

    @Test
    void isValidAgreesWithCheckOnRandomInput() {
        Random random = new Random(3);
        String alphabet = "0123456789AXx-#";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder value = new StringBuilder(withCheck(randomBody(random)));
            if (random.nextBoolean()) {
                value.insert(8, '-');
            }
            for (int c = random.nextInt(3); c > 0; c--) {
                value.setCharAt(random.nextInt(value.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            check(value.toString());
        }
    }
}
