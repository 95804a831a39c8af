package org.zwfw.sdk.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    private static final Clock CLOCK = ResidentIdNumberTest.NEW_YEAR_2026;

    private static IdentifierCheck detect(String value) {
        return Identifiers.detect(value, CLOCK);
    }

    @Test
    void detectsAResidentIdNumber() {
        IdentifierCheck check = detect(ResidentIdNumberTest.EXAMPLE);

        assertThat(check.kind()).isEqualTo(IdentifierKind.RESIDENT_ID);
        assertThat(check.valid()).isTrue();
        assertThat(check.details()).containsEntry("birth_date", "1949-12-31");
    }

    @Test
    void detectsAUscc() {
        IdentifierCheck check = detect(UnifiedSocialCreditCodeTest.EXAMPLE);

        assertThat(check.kind()).isEqualTo(IdentifierKind.USCC);
        assertThat(check.valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"60003734-1", "600037341"})
    void detectsAnOrganizationCode(String value) {
        IdentifierCheck check = detect(value);

        assertThat(check.kind()).isEqualTo(IdentifierKind.ORG_CODE);
        assertThat(check.valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {LicenseIdentifierTest.REAL_1, LicenseIdentifierTest.REAL_2})
    void detectsLicenseIdentifiers(String value) {
        IdentifierCheck check = detect(value);

        assertThat(check.kind()).isEqualTo(IdentifierKind.LICENSE_ID);
        assertThat(check.valid()).isTrue();
    }

    @Test
    void detectsLicenseIdentifiersByTheirDots() {
        assertThat(detect(LicenseIdentifierTest.REAL_1.replace("3005", "3003")).rules())
                .containsExactly(IdentifierRule.WRONG_ROOT);
        assertThat(detect("1.2.156.").kind()).isEqualTo(IdentifierKind.LICENSE_ID);
        assertThat(detect("a.b").kind()).isEqualTo(IdentifierKind.LICENSE_ID);
    }

    @Test
    void detectsAnAllDigitUsccThatIsNotAResidentIdNumber() {
        String uscc = allDigitUscc();

        assertThat(ResidentIdNumber.isValid(uscc, CLOCK)).isFalse();
        IdentifierCheck check = detect(uscc);
        assertThat(check.kind()).isEqualTo(IdentifierKind.USCC);
        assertThat(check.valid()).isTrue();
    }

    /** The first all-digit USCC registered in Beijing with a digit-only organization code. */
    private static String allDigitUscc() {
        for (int body = 10_000_000; ; body++) {
            String orgBody = String.valueOf(body);
            char orgCheck = OrganizationCode.computeCheckCharacter(orgBody);
            if (orgCheck == 'X') {
                continue;
            }
            String first17 = "91110000" + orgBody + orgCheck;
            char check = UnifiedSocialCreditCode.computeCheckCharacter(first17);
            if (Character.isDigit(check)) {
                return first17 + check;
            }
        }
    }

    @Test
    void prefersTheResidentIdNumberWhenBothAreValid() {
        String both = validAsBoth();

        assertThat(UnifiedSocialCreditCode.isValid(both)).isTrue();
        assertThat(ResidentIdNumber.isValid(both, CLOCK)).isTrue();
        assertThat(detect(both).kind()).isEqualTo(IdentifierKind.RESIDENT_ID);
    }

    private static String validAsBoth() {
        for (int sequence = 0; sequence < 1_000_000; sequence++) {
            String first17 = "113301" + "1949" + String.format("%07d", sequence);
            if (!first17.substring(10, 14).matches("(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])")) {
                continue;
            }
            String value = first17 + ResidentIdNumber.computeCheckCharacter(first17);
            if (UnifiedSocialCreditCode.isValid(value) && ResidentIdNumber.isValid(value, CLOCK)) {
                return value;
            }
        }
        throw new AssertionError("none found");
    }

    @Test
    void reportsAMistypedResidentIdNumberAsOne() {
        // Month 13 and a wrong check character: the birth year still points to a resident ID number.
        IdentifierCheck check = detect("110105194913310021");

        assertThat(check.kind()).isEqualTo(IdentifierKind.RESIDENT_ID);
        assertThat(check.rules()).contains(IdentifierRule.BIRTH_DATE_NOT_A_DATE);
    }

    @Test
    void reportsTooEarlyAndFutureBirthDatesAsResidentIdNumbers() {
        assertThat(detect(ResidentIdNumberTest.withCheck("11010518491231002")).rules())
                .containsExactly(IdentifierRule.BIRTH_DATE_TOO_EARLY);
        assertThat(detect(ResidentIdNumberTest.withCheck("11010520990101002")).rules())
                .containsExactly(IdentifierRule.BIRTH_DATE_IN_FUTURE);
    }

    @Test
    void reportsAMistypedAllDigitUsccAsOne() {
        String uscc = allDigitUscc();
        String mistyped = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');

        IdentifierCheck check = detect(mistyped);

        assertThat(check.kind()).isEqualTo(IdentifierKind.USCC);
        assertThat(check.rules()).containsExactly(IdentifierRule.CHECK_CHARACTER);
    }

    @Test
    void reportsALowercaseXAsAResidentIdNumber() {
        IdentifierCheck check = detect("11010519491231002x");

        assertThat(check.kind()).isEqualTo(IdentifierKind.RESIDENT_ID);
        assertThat(check.rules()).containsExactly(IdentifierRule.LOWERCASE_LETTER);
    }

    @Test
    void reportsEighteenLettersAndDigitsAsAUscc() {
        IdentifierCheck check = detect("91110000600037341l");

        assertThat(check.kind()).isEqualTo(IdentifierKind.USCC);
        assertThat(check.rules()).containsExactly(IdentifierRule.LOWERCASE_LETTER);
        assertThat(detect("91110000600037341O").rules()).containsExactly(IdentifierRule.CHARACTER_SET);
    }

    @Test
    void reportsFifteenDigitsAsALegacyResidentIdNumber() {
        IdentifierCheck check = detect("110105491231002");

        assertThat(check.kind()).isEqualTo(IdentifierKind.RESIDENT_ID);
        assertThat(check.rules()).containsExactly(IdentifierRule.LEGACY_15_DIGIT);
    }

    @Test
    void reportsAMisplacedHyphenAsAnOrganizationCode() {
        assertThat(detect("6000-37341").kind()).isEqualTo(IdentifierKind.ORG_CODE);
        assertThat(detect("6000-37341").rules()).containsExactly(IdentifierRule.HYPHEN_POSITION);
    }

    @Test
    void usesTheClockForBirthDates() {
        String bornNewYear2026 = ResidentIdNumberTest.withCheck("11010520260101002");

        assertThat(detect(bornNewYear2026).valid()).isTrue();
        assertThat(Identifiers.detect(bornNewYear2026, Clock.fixed(java.time.Instant.parse("2025-06-01T00:00:00Z"),
                java.time.ZoneOffset.UTC)).rules()).containsExactly(IdentifierRule.BIRTH_DATE_IN_FUTURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "123456789012", "11010519491231002X1", "91110000600037341-",
        "张三"})
    void reportsAnythingElseAsUnknownSayingWhy(String value) {
        IdentifierCheck check = detect(value);

        assertThat(check.kind()).isEqualTo(IdentifierKind.UNKNOWN);
        assertThat(check.valid()).isFalse();
        assertThat(check.rules()).containsExactly(IdentifierRule.UNKNOWN_FORMAT);
        assertThat(check.violations().get(0).message()).isNotBlank();
        if (!value.isEmpty()) {
            assertThat(check.violations().get(0).message()).doesNotContain(value);
        }
    }

    @Test
    void reportsOverlongInputAsUnknownWithoutScanningIt() {
        IdentifierCheck check = detect("1".repeat(100_000) + ".");

        assertThat(check.kind()).isEqualTo(IdentifierKind.UNKNOWN);
        assertThat(check.rules()).containsExactly(IdentifierRule.LENGTH);
    }

    @Test
    void checksAGivenKindWithoutDetection() {
        assertThat(Identifiers.check(IdentifierKind.USCC, ResidentIdNumberTest.EXAMPLE, CLOCK).kind())
                .isEqualTo(IdentifierKind.USCC);
        assertThat(Identifiers.check(IdentifierKind.RESIDENT_ID, ResidentIdNumberTest.EXAMPLE).valid()).isTrue();
        assertThat(Identifiers.check(IdentifierKind.ORG_CODE, "600037341", CLOCK).valid()).isTrue();
        assertThat(Identifiers.check(IdentifierKind.LICENSE_ID, LicenseIdentifierTest.REAL_2, CLOCK).valid())
                .isTrue();
        assertThatThrownBy(() -> Identifiers.check(IdentifierKind.UNKNOWN, "x", CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Identifiers.detect(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Identifiers.detect("x", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Identifiers.check(null, "x")).isInstanceOf(NullPointerException.class);
    }
}
