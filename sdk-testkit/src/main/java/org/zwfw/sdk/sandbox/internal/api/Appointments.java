package org.zwfw.sdk.sandbox.internal.api;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zwfw.sdk.sandbox.internal.FormParams;
import org.zwfw.sdk.sandbox.internal.Problem;
import org.zwfw.sdk.sandbox.internal.Response;
import org.zwfw.sdk.sandbox.internal.StrictJson;

/**
 * Appointments (预约): each hall offers, for each item it takes, slots of 30 minutes on working
 * days (9:00 to 11:30 and 13:30 to 16:30, China Standard Time) with 4 places each; booking takes
 * a place, cancelling before the slot starts gives it back. One person holds at most one live
 * appointment per item and day. Thread-safe (the state's lock).
 */
final class Appointments {

    static final int CAPACITY = 4;
    private static final List<LocalTime> STARTS = starts();
    private static final DateTimeFormatter SLOT_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final ApiState state;
    private final Cases cases;
    private final Clock clock;
    private final String base;

    Appointments(ApiState state, Cases cases, Clock clock, String base) {
        this.state = state;
        this.cases = cases;
        this.clock = clock;
        this.base = base;
    }

    private static List<LocalTime> starts() {
        List<LocalTime> out = new ArrayList<>();
        for (LocalTime t = LocalTime.of(9, 0); t.isBefore(LocalTime.of(12, 0)); t = t.plusMinutes(30)) {
            out.add(t);
        }
        for (LocalTime t = LocalTime.of(13, 30); t.isBefore(LocalTime.of(17, 0)); t = t.plusMinutes(30)) {
            out.add(t);
        }
        return out;
    }

    Response slots(Call c) {
        Catalog.Hall hall = Catalog.hall(c.path("hall_id")).orElseThrow(() -> ApiProblems.notFound("no service hall "
                + StrictJson.quote(c.path("hall_id"))));
        FormParams q = c.query();
        c.onlyParams(q, List.of("item_code", "date_from", "date_to"));
        String item = c.param(q, "item_code");
        if (item == null) {
            throw ApiProblems.invalid("MISSING_CLAIM", null, "item_code is required");
        }
        if (!hall.itemCodes().contains(item)) {
            throw ApiProblems.notFound("this hall takes no appointments for that item");
        }
        LocalDate today = Times.date(clock.instant());
        LocalDate from = date(c.param(q, "date_from"), today, "date_from");
        LocalDate to = date(c.param(q, "date_to"), from.plusDays(6), "date_to");
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 14) {
            throw ApiProblems.invalid("INVALID_CLAIM", null, "date_to is on or after date_from, at most 14 days later");
        }
        List<Map<String, Object>> slots = new ArrayList<>();
        Instant now = clock.instant();
        synchronized (state) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                for (LocalTime t : STARTS) {
                    Instant start = d.atTime(t).toInstant(Times.CST);
                    String id = slotId(d, t);
                    int free = CAPACITY - state.booked.getOrDefault(slotKey(hall.id(), item, id), 0);
                    if (start.isAfter(now) && free > 0) {
                        Map<String, Object> s = new LinkedHashMap<>();
                        s.put("slot_id", id);
                        s.put("start", Times.format(start));
                        s.put("end", Times.format(start.plus(30, ChronoUnit.MINUTES)));
                        s.put("capacity", CAPACITY);
                        s.put("available", free);
                        slots.add(s);
                    }
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hall_id", hall.id());
        m.put("item_code", item);
        m.put("slots", slots);
        return Response.json(200, m);
    }

    private static LocalDate date(String value, LocalDate otherwise, String name) {
        if (value == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblems.invalid("INVALID_CLAIM", null, name + " must be a date YYYY-MM-DD");
        }
    }

    Response book(Call c) {
        List<Problem.Item> faults = Fields.newFaults();
        Fields f = Fields.of(c.json(), "", faults, Set.of("hall_id", "item_code", "slot_id", "applicant", "case_id"));
        String hallId = f.text("hall_id", true, 45);
        String item = f.text("item_code", true, 64);
        String slotId = f.matching("slot_id", true, java.util.regex.Pattern.compile("slot_[0-9]{8}_[0-9]{4}"),
                "must be a slot ID of this sandbox");
        Map<String, Object> applicant = new LinkedHashMap<>();
        cases.applicant(f.node("applicant"), faults, applicant, c.appId());
        if (!f.has("applicant")) {
            f.missing("applicant");
        }
        String caseId = f.matching("case_id", false, java.util.regex.Pattern.compile("case_[0-9A-Z]{16}"),
                "must be a case ID");
        if (!faults.isEmpty()) {
            throw ApiProblems.invalid(faults);
        }
        Catalog.Hall hall = Catalog.hall(hallId).orElseThrow(() -> ApiProblems.notFound("no such service hall"));
        if (!hall.itemCodes().contains(item)) {
            throw ApiProblems.notFound("this hall takes no appointments for that item");
        }
        LocalDate day = LocalDate.parse(slotId.substring(5, 13), SLOT_DAY);
        LocalTime time = LocalTime.parse(slotId.substring(14, 16) + ":" + slotId.substring(16, 18));
        if (!STARTS.contains(time) || day.getDayOfWeek() == DayOfWeek.SATURDAY
                || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            throw ApiProblems.notFound("no such slot");
        }
        Instant start = day.atTime(time).toInstant(Times.CST);
        String person = applicant.containsKey("applicant_ref") ? "ref:" + applicant.get("applicant_ref")
                : "uscc:" + applicant.get("uscc");
        synchronized (state) {
            if (caseId != null) {
                Map<String, Object> rec = state.cases.get(caseId);
                if (rec == null || !c.appId().equals(rec.get("app_id"))) {
                    throw ApiProblems.invalid("INVALID_CLAIM", "/case_id", "no case of this application with this ID");
                }
            }
            String key = slotKey(hall.id(), item, slotId);
            int taken = state.booked.getOrDefault(key, 0);
            if (!start.isAfter(clock.instant()) || taken >= CAPACITY) {
                throw ApiProblems.conflict("SLOT_UNAVAILABLE", "The slot is not available", "the slot is full or has"
                        + " started; list the free slots again");
            }
            for (Map<String, Object> a : state.appointments.values()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> apt = (Map<String, Object>) a.get("appointment");
                if (person.equals(a.get("person_key")) && item.equals(apt.get("item_code"))
                        && "BOOKED".equals(apt.get("status"))
                        && Times.date(Times.parse((String) apt.get("start"))).equals(day)) {
                    throw ApiProblems.conflict("STATE_CONFLICT", "An appointment exists already", "the applicant"
                            + " already holds an appointment for this item on this day");
                }
            }
            String id = Ids.next("apt_");
            Map<String, Object> apt = new LinkedHashMap<>();
            apt.put("appointment_id", id);
            apt.put("status", "BOOKED");
            apt.put("hall", hall.json());
            apt.put("item_code", item);
            apt.put("start", Times.format(start));
            apt.put("end", Times.format(start.plus(30, ChronoUnit.MINUTES)));
            apt.put("applicant", applicant);
            apt.put("confirmation_code", Ids.digits(6));
            if (caseId != null) {
                apt.put("case_id", caseId);
            }
            apt.put("created_at", Times.format(clock.instant()));
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("app_id", c.appId());
            rec.put("person_key", person);
            rec.put("slot_key", key);
            rec.put("appointment", apt);
            state.appointments.put(id, rec);
            state.booked.put(key, taken + 1);
            state.save();
            return Response.json(201, apt).withHeader("Location", base + "/v1/appointments/" + id);
        }
    }

    Response get(Call c) {
        synchronized (state) {
            return Response.json(200, own(c).get("appointment"));
        }
    }

    Response cancel(Call c) {
        List<Problem.Item> faults = Fields.newFaults();
        Fields f = Fields.of(c.json(), "", faults, Set.of("reason"));
        f.text("reason", true, 200);
        if (!faults.isEmpty()) {
            throw ApiProblems.invalid(faults);
        }
        synchronized (state) {
            Map<String, Object> rec = own(c);
            @SuppressWarnings("unchecked")
            Map<String, Object> apt = (Map<String, Object>) rec.get("appointment");
            if ("CANCELLED".equals(apt.get("status"))) {
                return Response.json(200, apt);
            }
            if (!"BOOKED".equals(apt.get("status")) || !Times.parse((String) apt.get("start")).isAfter(
                    clock.instant())) {
                throw ApiProblems.conflict("STATE_CONFLICT", "The appointment cannot be cancelled", "only a BOOKED"
                        + " appointment whose slot has not started can be cancelled");
            }
            apt.put("status", "CANCELLED");
            apt.put("cancelled_at", Times.format(clock.instant()));
            String key = (String) rec.get("slot_key");
            state.booked.put(key, Math.max(0, state.booked.getOrDefault(key, 1) - 1));
            state.save();
            return Response.json(200, apt);
        }
    }

    private Map<String, Object> own(Call c) {
        String id = c.path("appointment_id");
        Map<String, Object> rec = state.appointments.get(id);
        if (rec == null || !c.appId().equals(rec.get("app_id"))) {
            throw ApiProblems.notFound("no appointment " + StrictJson.quote(id) + " for this application");
        }
        return rec;
    }

    static String slotId(LocalDate d, LocalTime t) {
        return "slot_" + d.format(SLOT_DAY) + "_" + String.format("%02d%02d", t.getHour(), t.getMinute());
    }

    private static String slotKey(String hall, String item, String slot) {
        return hall + "|" + item + "|" + slot;
    }

}
