package org.zwfw.sdk.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.sandbox.TestCitizen;
import org.zwfw.sdk.testkit.TestClock;

/**
 * Service halls, free slots, booking, reading and cancelling appointments over real HTTP, on a
 * clock standing on Monday 2030-01-07 08:00 CST (so every slot of the week is ahead).
 */
class ApiAppointmentsTest {

    static final String HALL = "hall_330100000001";
    static final String ITEM = "330100-SB-YL-0007";
    static Sandbox sandbox;
    static TestClock clock;
    static ApiClient service;
    static ApiClient web;

    @BeforeAll
    static void start() {
        clock = TestClock.at(Instant.parse("2030-01-07T00:00:00Z"));
        sandbox = Sandbox.builder().clock(clock).start();
        service = new ApiClient(sandbox, "sandbox-service", sandbox.defaultAppKey("sandbox-service",
                JwsAlgorithm.EDDSA), clock);
        web = new ApiClient(sandbox, "sandbox-web", sandbox.defaultAppKey("sandbox-web", JwsAlgorithm.ES256), clock);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static Map<String, Object> person(TestCitizen who) {
        return Map.of("kind", "PERSON", "name", who.displayName(), "id_type", "111", "id_number", who.residentId(),
                "phone", who.mobile());
    }

    static ApiClient.Reply book(ApiClient c, String slot, TestCitizen who) {
        return c.create("/v1/appointments", Map.of("hall_id", HALL, "item_code", ITEM, "slot_id", slot, "applicant",
                person(who)), UUID.randomUUID().toString());
    }

    static String text(ApiClient.Reply r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void hallsAreListedByRegionAndItem() {
        ApiClient.Reply r = service.get("/v1/service-halls?region_code=330100&item_code=" + ITEM);
        assertThat(r.verified()).as(r.refusal()).isTrue();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("items").findValuesAsText("hall_id")).containsExactlyInAnyOrder(HALL,
                "hall_330102000001", "hall_330106000001");
        ApiClient.Reply page = service.get("/v1/service-halls?region_code=330000&page_size=2");
        assertThat(page.json().path("items")).hasSize(2);
        ApiClient.Reply next = service.get("/v1/service-halls?region_code=330000&page_size=2&page_token="
                + page.json().path("next_page_token").asText());
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.json().path("items").get(0).path("hall_id").asText())
                .isNotEqualTo(page.json().path("items").get(0).path("hall_id").asText());
        assertThat(service.get("/v1/service-halls").code()).isEqualTo("MISSING_CLAIM");
        assertThat(service.get("/v1/service-halls?region_code=33").code()).isEqualTo("INVALID_CLAIM");
    }

    @Test
    void freeSlotsAreWorkingDayHalfHoursAhead() {
        ApiClient.Reply r = service.get("/v1/service-halls/" + HALL + "/slots?item_code=" + ITEM
                + "&date_from=2030-01-07&date_to=2030-01-13");
        assertThat(r.status()).as(text(r)).isEqualTo(200);
        List<String> ids = r.json().path("slots").findValuesAsText("slot_id");
        assertThat(ids).hasSize(5 * 13).contains("slot_20300107_0900", "slot_20300111_1630")
                .noneMatch(s -> s.startsWith("slot_20300112") || s.startsWith("slot_20300113"));
        assertThat(r.json().path("slots").get(0).path("available").asInt()).isEqualTo(4);
        assertThat(service.get("/v1/service-halls/" + HALL + "/slots").code()).isEqualTo("MISSING_CLAIM");
        assertThat(service.get("/v1/service-halls/" + HALL + "/slots?item_code=330105-MZ-HY-0001").status())
                .isEqualTo(404);
        assertThat(service.get("/v1/service-halls/hall_000000000000/slots?item_code=" + ITEM).status()).isEqualTo(404);
        assertThat(service.get("/v1/service-halls/" + HALL + "/slots?item_code=" + ITEM
                + "&date_from=2030-01-07&date_to=2030-02-07").code()).isEqualTo("INVALID_CLAIM");
    }

    @Test
    void anAppointmentIsBookedReadAndCancelledAndItsPlaceGivenBack() {
        String slot = "slot_20300108_1000";
        ApiClient.Reply booked = book(service, slot, TestCitizen.L3);
        assertThat(booked.status()).as(text(booked)).isEqualTo(201);
        assertThat(booked.verified()).isTrue();
        String id = booked.json().path("appointment_id").asText();
        assertThat(booked.header("Location")).endsWith("/v1/appointments/" + id);
        assertThat(text(booked)).doesNotContain(TestCitizen.L3.residentId()).doesNotContain(TestCitizen.L3.mobile());
        assertThat(available(slot)).isEqualTo(3);

        ApiClient.Reply read = service.get("/v1/appointments/" + id);
        assertThat(read.json().path("status").asText()).isEqualTo("BOOKED");
        assertThat(read.json().path("start").asText()).isEqualTo("2030-01-08T10:00:00+08:00");
        assertThat(web.get("/v1/appointments/" + id).status()).as("another app's appointment").isEqualTo(404);

        // one live appointment per person, item and day: another slot that day is refused
        ApiClient.Reply second = book(service, "slot_20300108_1430", TestCitizen.L3);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("STATE_CONFLICT");
        assertThat(book(service, "slot_20300109_1430", TestCitizen.L3).status()).as("another day").isEqualTo(201);

        ApiClient.Reply cancelled = service.post("/v1/appointments/" + id + "/cancel", Map.of("reason", "改期"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(service.post("/v1/appointments/" + id + "/cancel", Map.of("reason", "改期")).status())
                .as("cancelling again changes nothing").isEqualTo(200);
        assertThat(available(slot)).isEqualTo(4);
        assertThat(book(service, "slot_20300108_1430", TestCitizen.L3).status()).as("the day is free again")
                .isEqualTo(201);
    }

    @Test
    void aFullSlotIsRefusedAndLeavesTheList() {
        String slot = "slot_20300110_0930";
        Map<String, Object> company = Map.of("kind", "ORGANIZATION", "name", "示例餐饮管理有限公司", "id_type", "001",
                "id_number", org.zwfw.sdk.sandbox.internal.SampleData.DEMO_CATERING_USCC, "contact_name", "李四",
                "phone", "13900000000");
        for (Map<String, Object> who : List.of(person(TestCitizen.L1), person(TestCitizen.L2), person(TestCitizen.L4),
                company)) {
            ApiClient.Reply r = web.create("/v1/appointments", Map.of("hall_id", HALL, "item_code", ITEM, "slot_id",
                    slot, "applicant", who), UUID.randomUUID().toString());
            assertThat(r.status()).as(text(r)).isEqualTo(201);
        }
        ApiClient.Reply full = book(web, slot, TestCitizen.L3);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.code()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(full.verified()).isTrue();
        assertThat(free()).doesNotContain(slot);
    }

    @Test
    void aStartedSlotCannotBeBookedOrCancelled() {
        String slot = "slot_20300111_0900";
        ApiClient.Reply r = book(service, slot, TestCitizen.L4);
        assertThat(r.status()).as(text(r)).isEqualTo(201);
        Instant before = clock.instant();
        try {
            clock.set(Instant.parse("2030-01-11T01:05:00Z"));
            ApiClient.Reply late = service.post("/v1/appointments/" + r.json().path("appointment_id").asText()
                    + "/cancel", Map.of("reason", "来不及"));
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.code()).isEqualTo("STATE_CONFLICT");
            assertThat(book(service, slot, TestCitizen.L1).code()).isEqualTo("SLOT_UNAVAILABLE");
        } finally {
            clock.set(before);
        }
    }

    @Test
    void badBookingsAreRefusedMemberByMember() {
        ApiClient.Reply r = service.create("/v1/appointments", Map.of("hall_id", HALL, "slot_id", "tomorrow"),
                UUID.randomUUID().toString());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").findValuesAsText("pointer")).contains("/item_code", "/slot_id",
                "/applicant");
        assertThat(book(service, "slot_20300112_0900", TestCitizen.L1).status()).as("a Saturday").isEqualTo(404);
    }

    private static int available(String slot) {
        for (JsonNode s : service.get("/v1/service-halls/" + HALL + "/slots?item_code=" + ITEM
                + "&date_from=2030-01-07&date_to=2030-01-11").json().path("slots")) {
            if (s.path("slot_id").asText().equals(slot)) {
                return s.path("available").asInt();
            }
        }
        return 0;
    }

    private static List<String> free() {
        return service.get("/v1/service-halls/" + HALL + "/slots?item_code=" + ITEM + "&date_from=2030-01-07"
                + "&date_to=2030-01-11").json().path("slots").findValuesAsText("slot_id");
    }
}
