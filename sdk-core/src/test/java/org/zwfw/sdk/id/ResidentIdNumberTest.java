package org.zwfw.sdk.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    /** The example number of GB 11643-1999. */
    static final String EXAMPLE = "11010519491231002X";
    static final Clock NEW_YEAR_2026 = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    /** A number with the given first 17 digits and its correct check character. */
    static String withCheck(String first17) {
        return first17 + ResidentIdNumber.computeCheckCharacter(first17);
    }

    private static IdentifierCheck check(String value) {
        IdentifierCheck check = ResidentIdNumber.check(value, NEW_YEAR_2026);
        assertThat(check.kind()).isEqualTo(IdentifierKind.RESIDENT_ID);
        for (IdentifierViolation violation : check.violations()) {
            if (value.length() >= 14) {
                assertThat(violation.message()).doesNotContain(value);
                assertThat(violation.message()).doesNotContain(value.substring(6, 14));
            }
        }
        assertThat(ResidentIdNumber.isValid(value, NEW_YEAR_2026)).isEqualTo(check.valid());
        return check;
    }

    @Test
    void acceptsTheStandardsExample() {
        ResidentIdNumber id = ResidentIdNumber.parse(EXAMPLE, NEW_YEAR_2026);

        assertThat(id.value()).isEqualTo(EXAMPLE);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(Sex.FEMALE);
        assertThat(id.divisionCode()).isEqualTo("110105");
        assertThat(id.checkCharacter()).isEqualTo('X');
        assertThat(ResidentIdNumber.isValid(EXAMPLE)).isTrue();
        assertThat(ResidentIdNumber.isValid(EXAMPLE, TODAY)).isTrue();
    }

    @Test
    void checkFillsDetailsOfTheExample() {
        IdentifierCheck check = check(EXAMPLE);

        assertThat(check.valid()).isTrue();
        assertThat(check.violations()).isEmpty();
        assertThat(check.details()).containsExactly(
                entry("division_code", "110105"),
                entry("birth_date", "1949-12-31"),
                entry("sex", "female"));
    }

    @Test
    void oddSeventeenthDigitIsMale() {
        ResidentIdNumber id = ResidentIdNumber.parse(withCheck("11010519491231003"), NEW_YEAR_2026);

        assertThat(id.sex()).isEqualTo(Sex.MALE);
        assertThat(check(id.value()).details()).containsEntry("sex", "male");
    }

    @Test
    void toStringIsMasked() {
        ResidentIdNumber id = ResidentIdNumber.parse(EXAMPLE, NEW_YEAR_2026);

        assertThat(id.toString()).isEqualTo("11**************2X").doesNotContain("19491231");
        assertThat(id.masked(MaskingPolicy.builder().idNumberKeep(6, 0).build())).isEqualTo("110105************");
    }

    @Test
    void rejectsWrongLength() {
        assertThat(check("1101051949123100").rules()).containsExactly(IdentifierRule.LENGTH);
        assertThat(check("").rules()).containsExactly(IdentifierRule.LENGTH);
        assertThat(check(EXAMPLE + "0").rules()).containsExactly(IdentifierRule.LENGTH);
    }

    @Test
    void rejectsLegacyFifteenDigitNumbersWithTheirOwnRule() {
        IdentifierCheck check = check("110105491231002");

        assertThat(check.rules()).containsExactly(IdentifierRule.LEGACY_15_DIGIT);
        assertThat(check.violations().get(0).message()).contains("upgradeLegacy");
    }

    @Test
    void upgradesLegacyNumbers() {
        assertThat(ResidentIdNumber.upgradeLegacy("110105491231002")).isEqualTo(EXAMPLE);
        assertThatThrownBy(() -> ResidentIdNumber.upgradeLegacy("11010549123100"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentIdNumber.upgradeLegacy("11010549123100A"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonDigitsNamingThePosition() {
        IdentifierCheck check = check("1101A519491231002X");

        assertThat(check.rules()).containsExactly(IdentifierRule.CHARACTER_SET);
        assertThat(check.violations().get(0).message()).contains("position 5").contains("'A'");
    }

    @Test
    void explainsFullWidthDigits() {
        IdentifierCheck check = check("11010519491231002\uFF18");

        assertThat(check.rules()).containsExactly(IdentifierRule.CHARACTER_SET);
        assertThat(check.violations().get(0).message()).contains("full-width").contains("U+FF18");
    }

    @Test
    void rejectsLowercaseCheckCharacterWithoutReportingAChecksumFailure() {
        IdentifierCheck check = check("11010519491231002x");

        assertThat(check.rules()).containsExactly(IdentifierRule.LOWERCASE_LETTER);
        assertThat(check.hasChecksumFailure()).isFalse();
        assertThat(check.details()).containsKeys("birth_date", "sex", "division_code");
    }

    @Test
    void lowercaseWithWrongCheckReportsBoth() {
        String value = withCheck("11010519491231003");
        assertThat(value).endsWith("8");

        IdentifierCheck check = check("11010519491231003x");

        assertThat(check.rules()).containsExactlyInAnyOrder(IdentifierRule.LOWERCASE_LETTER,
                IdentifierRule.CHECK_CHARACTER);
    }

    @Test
    void rejectsWrongCheckCharacterSayingWhatItShouldBe() {
        IdentifierCheck check = check("110105194912310023");

        assertThat(check.rules()).containsExactly(IdentifierRule.CHECK_CHARACTER);
        assertThat(check.hasChecksumFailure()).isTrue();
        assertThat(check.violations().get(0).message())
                .isEqualTo("check character (position 18) is '3' but GB 11643 gives 'X'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"19491331", "19491232", "19490001", "19490431", "19000229", "20230229"})
    void rejectsBirthDatesThatAreNotCalendarDates(String date) {
        IdentifierCheck check = check(withCheck("110105" + date + "002"));

        assertThat(check.rules()).containsExactly(IdentifierRule.BIRTH_DATE_NOT_A_DATE);
        assertThat(check.details()).doesNotContainKey("birth_date").containsKeys("sex", "division_code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20000229", "20240229", "19600229", "19040229"})
    void acceptsLeapDays(String date) {
        assertThat(check(withCheck("110105" + date + "002")).valid()).isTrue();
    }

    @Test
    void rejectsBirthDateAfterTodayInShanghai() {
        String bornNewYear2026 = withCheck("11010520260101002");
        // 2025-12-31T16:00Z is already 2026-01-01 in Shanghai; one second earlier it is not.
        Clock shanghaiNewYear = Clock.fixed(Instant.parse("2025-12-31T16:00:00Z"), ZoneOffset.UTC);
        Clock shanghaiNewYearsEve = Clock.fixed(Instant.parse("2025-12-31T15:59:59Z"), ZoneOffset.UTC);

        assertThat(ResidentIdNumber.isValid(bornNewYear2026, shanghaiNewYear)).isTrue();
        IdentifierCheck check = ResidentIdNumber.check(bornNewYear2026, shanghaiNewYearsEve);
        assertThat(check.rules()).containsExactly(IdentifierRule.BIRTH_DATE_IN_FUTURE);
        assertThat(check.violations().get(0).message()).contains("2025-12-31");
        assertThat(ResidentIdNumber.isValid(bornNewYear2026, LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(ResidentIdNumber.isValid(bornNewYear2026, LocalDate.of(2026, 1, 1))).isTrue();
    }

    @Test
    void rejectsImplausiblyEarlyBirthDates() {
        assertThat(check(withCheck("11010518491231002")).rules())
                .containsExactly(IdentifierRule.BIRTH_DATE_TOO_EARLY);
        assertThat(check(withCheck("11010518500101002")).valid()).isTrue();
        assertThat(ResidentIdNumber.EARLIEST_BIRTH_DATE).isEqualTo(LocalDate.of(1850, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000", "100000", "160101", "240101", "470101", "720101", "840101", "900101",
        "990101", "910101"})
    void rejectsDivisionCodesOfImpossibleShape(String division) {
        IdentifierCheck check = check(withCheck(division + "19491231002"));

        assertThat(check.rules()).containsExactly(IdentifierRule.DIVISION_CODE_SHAPE);
        assertThat(check.details()).doesNotContainKey("division_code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105", "150000", "230000", "370000", "460000", "500000", "540000", "650000",
        "710000", "810000", "820000", "830000", "911156", "944840"})
    void acceptsPlausibleDivisionCodes(String division) {
        assertThat(check(withCheck(division + "19491231002")).valid()).isTrue();
    }

    @Test
    void reportsEveryFailedRule() {
        // Bad division code, not-a-date birth date and a wrong check character at once.
        String value = "00010519491331002" + (ResidentIdNumber.computeCheckCharacter("00010519491331002") == '0'
                ? '1' : '0');

        IdentifierCheck check = check(value);

        assertThat(check.rules()).containsExactlyInAnyOrder(IdentifierRule.DIVISION_CODE_SHAPE,
                IdentifierRule.BIRTH_DATE_NOT_A_DATE, IdentifierRule.CHECK_CHARACTER);
        assertThatThrownBy(() -> ResidentIdNumber.parse(value, NEW_YEAR_2026))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IdentifierKind.RESIDENT_ID);
                    assertThat(e.violations()).hasSize(3);
                    assertThat(e.getMessage()).doesNotContain(value).contains("DIVISION_CODE_SHAPE");
                });
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> ResidentIdNumber.check(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ResidentIdNumber.isValid(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ResidentIdNumber.parse(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ResidentIdNumber.isValid(EXAMPLE, (Clock) null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void computeCheckCharacterRejectsBadBodies() {
        assertThat(ResidentIdNumber.computeCheckCharacter("11010519491231002")).isEqualTo('X');
        assertThatThrownBy(() -> ResidentIdNumber.computeCheckCharacter("1101051949123100"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentIdNumber.computeCheckCharacter("1101051949123100A"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityFollowsTheValue() {
        ResidentIdNumber a = ResidentIdNumber.parse(EXAMPLE, NEW_YEAR_2026);
        ResidentIdNumber b = ResidentIdNumber.parse(new StringBuilder(EXAMPLE), TODAY);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(ResidentIdNumber.parse(withCheck("11010519491231003"), TODAY));
    }

    // Property-style tests: seeded, so a failure reproduces.

    private static String randomValid(Random random) {
        StringBuilder body = new StringBuilder("110105");
        LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(45_000));
        body.append(String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth()));
        for (int i = 0; i < 3; i++) {
            body.append((char) ('0' + random.nextInt(10)));
        }
        return withCheck(body.toString());
    }

    @Test
    void randomBodiesWithComputedCheckValidate() {
        Random random = new Random(11643);
        for (int i = 0; i < 2_000; i++) {
            String value = randomValid(random);
            assertThat(ResidentIdNumber.isValid(value, NEW_YEAR_2026)).as(value).isTrue();
        }
    }

    @Test
    void everySingleSubstitutionIsCaught() {
        Random random = new Random(112);
        for (int i = 0; i < 2_000; i++) {
            char[] value = randomValid(random).toCharArray();
            for (int pos = 0; pos < 18; pos++) {
                char original = value[pos];
                String alphabet = pos == 17 ? "0123456789X" : "0123456789";
                for (char replacement : alphabet.toCharArray()) {
                    if (replacement == original) {
                        continue;
                    }
                    value[pos] = replacement;
                    assertThat(ResidentIdNumber.isValid(new String(value), NEW_YEAR_2026))
                            .as("substitution at position %d", pos + 1).isFalse();
                }
                value[pos] = original;
            }
        }
    }

    @Test
    void everyAdjacentTranspositionIsCaught() {
        Random random = new Random(1999);
        for (int i = 0; i < 2_000; i++) {
            char[] value = randomValid(random).toCharArray();
            for (int pos = 0; pos < 17; pos++) {
                if (value[pos] == value[pos + 1]) {
                    continue;
                }
                char[] swapped = value.clone();
                swapped[pos] = value[pos + 1];
                swapped[pos + 1] = value[pos];
                assertThat(ResidentIdNumber.isValid(new String(swapped), NEW_YEAR_2026))
                        .as("transposition at %d", pos + 1).isFalse();
            }
        }
    }

    @Test
    void isValidAgreesWithCheckOnRandomInput() {
        Random random = new Random(7064);
        String alphabet = "0123456789Xx-A";
        for (int i = 0; i < 2_000; i++) {
            char[] value = randomValid(random).toCharArray();
            int changes = random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                value[random.nextInt(18)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String s = new String(value);
            assertThat(ResidentIdNumber.isValid(s, NEW_YEAR_2026)).as(s)
                    .isEqualTo(ResidentIdNumber.check(s, NEW_YEAR_2026).valid());
        }
    }
}
