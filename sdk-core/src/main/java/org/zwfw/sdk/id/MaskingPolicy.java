package org.zwfw.sdk.id;

import java.util.Objects;

/**
 * How personal identifiers are masked for display and logs. The Personal Information Protection
 * Law (PIPL) art. 6 asks for the minimum necessary: the defaults keep just enough for a person to
 * recognise their own data ({@code 张*}, {@code 138****5678}, {@code 11**************2X},
 * {@code ***************1234}).
 *
 * <p>Counts are in Unicode code points, so a name with a CJK Extension B character is masked one
 * character per {@code *}. A value never shows in full: when the characters to keep would cover
 * it, at most half of it (rounded down) is kept, leading characters first. The {@code mask*}
 * methods ignore surrounding whitespace; {@link #maskPhone} and {@link #maskBankCard} also drop
 * inner whitespace and hyphens, so the output has no spaces. {@link #mask} masks exactly what it is
 * given.
 *
 * <p>Instances are immutable and thread-safe; build them with {@link #builder()} or use
 * {@link #DEFAULT}. All methods throw {@link NullPointerException} on {@code null} arguments.
 */
public final class MaskingPolicy {

    /** Names keep the first character (usually the surname): {@code 张三} → {@code 张*}. */
    public static final int DEFAULT_NAME_KEEP_LEADING = 1;
    /** Names keep no trailing character. */
    public static final int DEFAULT_NAME_KEEP_TRAILING = 0;
    /** Mobile numbers keep the 3-digit network prefix. */
    public static final int DEFAULT_PHONE_KEEP_LEADING = 3;
    /** Mobile numbers keep the last 4 digits: {@code 138****5678}. */
    public static final int DEFAULT_PHONE_KEEP_TRAILING = 4;
    /** Resident ID numbers keep the first 2 digits (the province). */
    public static final int DEFAULT_ID_NUMBER_KEEP_LEADING = 2;
    /** Resident ID numbers keep the last 2 characters: {@code 11**************2X}. */
    public static final int DEFAULT_ID_NUMBER_KEEP_TRAILING = 2;
    /** Bank cards keep no leading digit. */
    public static final int DEFAULT_BANK_CARD_KEEP_LEADING = 0;
    /** Bank cards keep the last 4 digits, as banks print them. */
    public static final int DEFAULT_BANK_CARD_KEEP_TRAILING = 4;
    /** The character that replaces each hidden character. */
    public static final char DEFAULT_MASK_CHARACTER = '*';

    /** The policy with every default above. */
    public static final MaskingPolicy DEFAULT = builder().build();

    private final int nameLeading;
    private final int nameTrailing;
    private final int phoneLeading;
    private final int phoneTrailing;
    private final int idLeading;
    private final int idTrailing;
    private final int cardLeading;
    private final int cardTrailing;
    private final char maskCharacter;

    private MaskingPolicy(Builder b) {
        nameLeading = b.nameLeading;
        nameTrailing = b.nameTrailing;
        phoneLeading = b.phoneLeading;
        phoneTrailing = b.phoneTrailing;
        idLeading = b.idLeading;
        idTrailing = b.idTrailing;
        cardLeading = b.cardLeading;
        cardTrailing = b.cardTrailing;
        maskCharacter = b.maskCharacter;
    }

    /**
     * Returns a builder initialised with the defaults.
     *
     * @return a new builder; never {@code null}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder initialised with this policy's settings.
     *
     * @return a new builder; never {@code null}
     */
    public Builder toBuilder() {
        return new Builder()
                .nameKeep(nameLeading, nameTrailing)
                .phoneKeep(phoneLeading, phoneTrailing)
                .idNumberKeep(idLeading, idTrailing)
                .bankCardKeep(cardLeading, cardTrailing)
                .maskCharacter(maskCharacter);
    }

    /**
     * Masks a person's name: {@code 张三} → {@code 张*}, {@code 欧阳娜娜} → {@code 欧***}.
     *
     * @param name the name; not {@code null}
     * @return the masked name, empty for an empty name; never {@code null}
     */
    public String maskName(String name) {
        return mask(name.strip(), nameLeading, nameTrailing);
    }

    /**
     * Masks a mobile phone number: {@code 13812345678} → {@code 138****5678}.
     *
     * @param phone the number, spaces and hyphens allowed; not {@code null}
     * @return the masked number without spaces or hyphens; never {@code null}
     */
    public String maskPhone(String phone) {
        return mask(compact(phone), phoneLeading, phoneTrailing);
    }

    /**
     * Masks a resident ID number (or any ID document number):
     * {@code 11010519491231002X} → {@code 11**************2X}. The value is not validated.
     *
     * @param idNumber the number; not {@code null}
     * @return the masked number; never {@code null}
     */
    public String maskIdNumber(String idNumber) {
        return mask(idNumber.strip(), idLeading, idTrailing);
    }

    /**
     * Masks a bank card number: {@code 6222 0212 3456 1234} → {@code ************1234}.
     *
     * @param cardNumber the number, spaces and hyphens allowed; not {@code null}
     * @return the masked number without spaces or hyphens; never {@code null}
     */
    public String maskBankCard(String cardNumber) {
        return mask(compact(cardNumber), cardLeading, cardTrailing);
    }

    /**
     * Keeps {@code keepLeading} and {@code keepTrailing} code points and replaces every other
     * code point with the mask character. If they would cover the whole value, at most half of it
     * (rounded down) is kept, leading characters first, so a short value never shows in full.
     *
     * @param value the value; not {@code null}
     * @param keepLeading code points to keep at the start; not negative
     * @param keepTrailing code points to keep at the end; not negative
     * @return the masked value, as many code points long as {@code value}; never {@code null}
     * @throws IllegalArgumentException if a count is negative
     */
    public String mask(String value, int keepLeading, int keepTrailing) {
        Objects.requireNonNull(value, "value");
        requireCount(keepLeading, "keepLeading");
        requireCount(keepTrailing, "keepTrailing");
        int length = value.codePointCount(0, value.length());
        int leading = keepLeading;
        int trailing = keepTrailing;
        if ((long) leading + trailing >= length) {
            int budget = length / 2;
            leading = Math.min(leading, budget);
            trailing = Math.min(trailing, budget - leading);
        }
        int leadEnd = value.offsetByCodePoints(0, leading);
        int trailStart = value.offsetByCodePoints(value.length(), -trailing);
        StringBuilder masked = new StringBuilder(value.length());
        masked.append(value, 0, leadEnd);
        for (int i = leading + trailing; i < length; i++) {
            masked.append(maskCharacter);
        }
        return masked.append(value, trailStart, value.length()).toString();
    }

    private static String compact(String value) {
        StringBuilder compact = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                compact.append(c);
            }
        }
        return compact.toString();
    }

    private static int requireCount(int count, String name) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + count);
        }
        return count;
    }

    /**
     * Describes the settings (no personal data is involved).
     *
     * @return a description; never {@code null}
     */
    @Override
    public String toString() {
        return "MaskingPolicy[name=" + nameLeading + "+" + nameTrailing + ", phone=" + phoneLeading + "+"
                + phoneTrailing + ", idNumber=" + idLeading + "+" + idTrailing + ", bankCard=" + cardLeading
                + "+" + cardTrailing + ", maskCharacter=" + maskCharacter + "]";
    }

    /**
     * Builds a {@link MaskingPolicy}; starts from the defaults. Not thread-safe; the policy it
     * builds is.
     */
    public static final class Builder {

        private int nameLeading = DEFAULT_NAME_KEEP_LEADING;
        private int nameTrailing = DEFAULT_NAME_KEEP_TRAILING;
        private int phoneLeading = DEFAULT_PHONE_KEEP_LEADING;
        private int phoneTrailing = DEFAULT_PHONE_KEEP_TRAILING;
        private int idLeading = DEFAULT_ID_NUMBER_KEEP_LEADING;
        private int idTrailing = DEFAULT_ID_NUMBER_KEEP_TRAILING;
        private int cardLeading = DEFAULT_BANK_CARD_KEEP_LEADING;
        private int cardTrailing = DEFAULT_BANK_CARD_KEEP_TRAILING;
        private char maskCharacter = DEFAULT_MASK_CHARACTER;

        private Builder() {
        }

        /**
         * Sets how many code points of a name stay visible.
         *
         * @param leading at the start; not negative
         * @param trailing at the end; not negative
         * @return this builder
         * @throws IllegalArgumentException if a count is negative
         */
        public Builder nameKeep(int leading, int trailing) {
            nameLeading = requireCount(leading, "leading");
            nameTrailing = requireCount(trailing, "trailing");
            return this;
        }

        /**
         * Sets how many characters of a phone number stay visible.
         *
         * @param leading at the start; not negative
         * @param trailing at the end; not negative
         * @return this builder
         * @throws IllegalArgumentException if a count is negative
         */
        public Builder phoneKeep(int leading, int trailing) {
            phoneLeading = requireCount(leading, "leading");
            phoneTrailing = requireCount(trailing, "trailing");
            return this;
        }

        /**
         * Sets how many characters of an ID number stay visible.
         *
         * @param leading at the start; not negative
         * @param trailing at the end; not negative
         * @return this builder
         * @throws IllegalArgumentException if a count is negative
         */
        public Builder idNumberKeep(int leading, int trailing) {
            idLeading = requireCount(leading, "leading");
            idTrailing = requireCount(trailing, "trailing");
            return this;
        }

        /**
         * Sets how many digits of a bank card number stay visible.
         *
         * @param leading at the start; not negative
         * @param trailing at the end; not negative
         * @return this builder
         * @throws IllegalArgumentException if a count is negative
         */
        public Builder bankCardKeep(int leading, int trailing) {
            cardLeading = requireCount(leading, "leading");
            cardTrailing = requireCount(trailing, "trailing");
            return this;
        }

        /**
         * Sets the character that replaces hidden characters.
         *
         * @param maskCharacter a character that is not a surrogate
         * @return this builder
         * @throws IllegalArgumentException if {@code maskCharacter} is a surrogate
         */
        public Builder maskCharacter(char maskCharacter) {
            if (Character.isSurrogate(maskCharacter)) {
                throw new IllegalArgumentException("mask character must not be a surrogate");
            }
            this.maskCharacter = maskCharacter;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return an immutable, thread-safe policy; never {@code null}
         */
        public MaskingPolicy build() {
            return new MaskingPolicy(this);
        }
    }
}
