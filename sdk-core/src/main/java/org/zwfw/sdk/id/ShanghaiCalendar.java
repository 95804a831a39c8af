package org.zwfw.sdk.id;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Calendar arithmetic on {@code yyyymmdd} ints, and "today" in Asia/Shanghai with a cache so that
 * validating a birth date costs one {@link Clock#millis()} call and no allocation. The cache holds
 * the current Shanghai day's start and end instants; any clock can use it, because a hit only
 * depends on the millisecond it reads.
 */
final class ShanghaiCalendar {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private record Day(long startMillis, long endMillis, int yyyymmdd) {
    }

    private static volatile Day cached = new Day(0, 0, 0);

    private ShanghaiCalendar() {
    }

    /** Today in Asia/Shanghai, as read from {@code clock}, as a yyyymmdd int. */
    static int today(Clock clock) {
        long now = clock.millis();
        Day day = cached;
        if (now >= day.startMillis && now < day.endMillis) {
            return day.yyyymmdd;
        }
        LocalDate date = Instant.ofEpochMilli(now).atZone(ZONE).toLocalDate();
        day = new Day(date.atStartOfDay(ZONE).toInstant().toEpochMilli(),
                date.plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli(), toInt(date));
        cached = day;
        return day.yyyymmdd;
    }

    static int toInt(LocalDate date) {
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            // Out of the four-digit range a birth date can hold; clamp so comparisons stay ordered.
            return year < 0 ? 0 : 99991231;
        }
        return year * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    /** Whether year-month-day is a date of the proleptic Gregorian calendar. */
    static boolean isDate(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    }

    static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                return isLeap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    static boolean isLeap(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    /** Formats a valid yyyymmdd int as YYYY-MM-DD. */
    static String iso(int yyyymmdd) {
        return String.format(Locale.ROOT, "%04d-%02d-%02d", yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }
}
