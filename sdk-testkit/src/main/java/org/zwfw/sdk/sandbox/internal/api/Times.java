package org.zwfw.sdk.sandbox.internal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times of the API: RFC 3339 in China Standard Time ({@code 2026-03-02T10:15:01+08:00}), whole seconds. */
final class Times {

    static final ZoneOffset CST = ZoneOffset.ofHours(8);

    private Times() {
    }

    static String format(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).atOffset(CST).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static Instant parse(String s) {
        return OffsetDateTime.parse(s).toInstant();
    }

    static LocalDate date(Instant t) {
        return t.atOffset(CST).toLocalDate();
    }
}
