package org.zwfw.sdk.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingPolicyTest {

    private final MaskingPolicy policy = MaskingPolicy.DEFAULT;

    @ParameterizedTest
    @CsvSource({"张三, 张*", "欧阳娜娜, 欧***", "李, *", "王小明, 王**", "' 张三 ', 张*", "'', ''"})
    void masksNamesKeepingTheFirstCharacter(String name, String expected) {
        assertThat(policy.maskName(name)).isEqualTo(expected);
    }

    @Test
    void masksNamesByCodePoint() {
        // U+20BB7 (𠮷) is outside the BMP: one code point, two chars.
        assertThat(policy.maskName("\uD842\uDFB7野家")).isEqualTo("\uD842\uDFB7**");
        assertThat(policy.maskName("张\uD842\uDFB7")).isEqualTo("张*");
        assertThat(policy.maskName("\uD842\uDFB7")).isEqualTo("*");
    }

    @ParameterizedTest
    @CsvSource({"13812345678, 138****5678", "138 1234 5678, 138****5678", "138-1234-5678, 138****5678",
        "1234567, 123****", "12, 1*", "'', ''"})
    void masksPhoneNumbers(String phone, String expected) {
        assertThat(policy.maskPhone(phone)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002X, 11**************2X", "1234, 12**", "123, 1**", "1, *"})
    void masksIdNumbers(String id, String expected) {
        assertThat(policy.maskIdNumber(id)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"6222021234561234, ************1234", "6222 0212 3456 1234, ************1234",
        "6222\u00A00212\u00A03456\u00A01234, ************1234", "1234, **34", "12345, *2345"})
    void masksBankCardsKeepingTheLastFourWithoutSpaces(String card, String expected) {
        assertThat(policy.maskBankCard(card)).isEqualTo(expected).doesNotContain(" ");
    }

    @Test
    void genericMaskNeverRevealsAWholeValue() {
        assertThat(policy.mask("abcdef", 1, 1)).isEqualTo("a****f");
        assertThat(policy.mask("abcdef", 3, 3)).isEqualTo("abc***");
        assertThat(policy.mask("abcdef", 0, 10)).isEqualTo("***def");
        assertThat(policy.mask("ab", 1, 1)).isEqualTo("a*");
        assertThat(policy.mask("a", 0, 1)).isEqualTo("*");
        assertThat(policy.mask("", 2, 2)).isEmpty();
        assertThat(policy.mask("abcdef", 0, 0)).isEqualTo("******");
        assertThat(policy.mask("abcdef", Integer.MAX_VALUE, Integer.MAX_VALUE)).isEqualTo("abc***");
    }

    @Test
    void genericMaskRejectsNegativeCountsAndNull() {
        assertThatThrownBy(() -> policy.mask("abc", -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.mask("abc", 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.mask(null, 0, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> policy.maskName(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void builderConfiguresEveryKindAndTheMaskCharacter() {
        MaskingPolicy custom = MaskingPolicy.builder()
                .nameKeep(1, 1)
                .phoneKeep(3, 2)
                .idNumberKeep(6, 4)
                .bankCardKeep(6, 4)
                .maskCharacter('#')
                .build();

        assertThat(custom.maskName("欧阳娜娜")).isEqualTo("欧##娜");
        assertThat(custom.maskPhone("13812345678")).isEqualTo("138######78");
        assertThat(custom.maskIdNumber("11010519491231002X")).isEqualTo("110105########002X");
        assertThat(custom.maskBankCard("6222021234561234")).isEqualTo("622202######1234");
        assertThat(custom.toBuilder().build().maskName("欧阳娜娜")).isEqualTo("欧##娜");
        assertThat(custom.toString()).contains("maskCharacter=#");
    }

    @Test
    void builderRejectsBadSettings() {
        assertThatThrownBy(() -> MaskingPolicy.builder().nameKeep(-1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaskingPolicy.builder().maskCharacter('\uD842'))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsArePublicConstants() {
        assertThat(MaskingPolicy.DEFAULT_NAME_KEEP_LEADING).isEqualTo(1);
        assertThat(MaskingPolicy.DEFAULT_PHONE_KEEP_LEADING).isEqualTo(3);
        assertThat(MaskingPolicy.DEFAULT_PHONE_KEEP_TRAILING).isEqualTo(4);
        assertThat(MaskingPolicy.DEFAULT_ID_NUMBER_KEEP_LEADING).isEqualTo(2);
        assertThat(MaskingPolicy.DEFAULT_ID_NUMBER_KEEP_TRAILING).isEqualTo(2);
        assertThat(MaskingPolicy.DEFAULT_BANK_CARD_KEEP_TRAILING).isEqualTo(4);
        assertThat(MaskingPolicy.DEFAULT_MASK_CHARACTER).isEqualTo('*');
    }
}
