package org.zwfw.sdk.client;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.zwfw.sdk.client.model.ServiceHall;
import org.zwfw.sdk.client.model.ServiceHallPage;
import org.zwfw.sdk.client.model.SlotList;

/**
 * Service halls (政务服务中心) and their free appointment slots: {@code /v1/service-halls}. Reads,
 * retried as {@code safe}. Booking is {@link Appointments}.
 */
public final class ServiceHalls {

    private final ApiClient client;

    ServiceHalls(ApiClient client) {
        this.client = client;
    }

    /**
     * Lists the halls of a region ({@code listServiceHalls}), fetched page by page as iterated.
     *
     * @param regionCode a GB/T 2260 code (a city code includes its districts)
     * @param itemCode   only halls that take appointments for this item, or {@code null} for all
     * @param pageSize   items per page, 1 to 100
     * @return the halls
     */
    public Paged<ServiceHall> list(String regionCode, String itemCode, int pageSize) {
        Objects.requireNonNull(regionCode, "regionCode");
        Answers.pageSize(pageSize);
        return new Paged<>(token -> client.call(listRequest(regionCode, itemCode, pageSize, token), ServiceHallPage.class));
    }

    /**
     * One page of halls, for callers that keep the page token themselves.
     *
     * @param regionCode a GB/T 2260 code
     * @param itemCode   an item code, or {@code null}
     * @param pageSize   items per page, 1 to 100
     * @param pageToken  the previous page's {@code next_page_token}, or {@code null} for the first page
     * @return the page
     */
    public CompletableFuture<ServiceHallPage> listPageAsync(String regionCode, String itemCode, int pageSize, String pageToken) {
        Objects.requireNonNull(regionCode, "regionCode");
        Answers.pageSize(pageSize);
        return client.callAsync(listRequest(regionCode, itemCode, pageSize, pageToken), ServiceHallPage.class);
    }

    private static ApiRequest listRequest(String regionCode, String itemCode, int pageSize, String token) {
        return ApiRequest.get("/v1/service-halls", ApiRequest.query(ApiRequest.param("region_code", regionCode),
                ApiRequest.param("item_code", itemCode), ApiRequest.param("page_size", pageSize),
                ApiRequest.param("page_token", token)));
    }

    /**
     * The slots of a hall for an item that still have room ({@code listFreeSlots}), in time order.
     * A slot seen free may be taken before it is booked ({@code 409 SLOT_UNAVAILABLE}).
     *
     * @param hallId   the hall
     * @param itemCode the item the appointment is for
     * @param from     the first day, or {@code null} for today (China Standard Time)
     * @param to       the last day, at most 14 days after {@code from}, or {@code null} for six days after it
     * @return the free slots
     */
    public SlotList freeSlots(String hallId, String itemCode, LocalDate from, LocalDate to) {
        return client.call(slotsRequest(hallId, itemCode, from, to), SlotList.class);
    }

    /**
     * @param hallId   the hall
     * @param itemCode the item
     * @param from     the first day, or {@code null}
     * @param to       the last day, or {@code null}
     * @return the free slots
     */
    public CompletableFuture<SlotList> freeSlotsAsync(String hallId, String itemCode, LocalDate from, LocalDate to) {
        return client.callAsync(slotsRequest(hallId, itemCode, from, to), SlotList.class);
    }

    private static ApiRequest slotsRequest(String hallId, String itemCode, LocalDate from, LocalDate to) {
        Objects.requireNonNull(itemCode, "itemCode");
        if (from != null && to != null && (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 14)) {
            throw new IllegalArgumentException("the last day is the first day or up to 14 days after it");
        }
        return ApiRequest.get("/v1/service-halls/" + ApiRequest.segment(hallId) + "/slots", ApiRequest.query(
                ApiRequest.param("item_code", itemCode), ApiRequest.param("date_from", from), ApiRequest.param("date_to", to)));
    }
}
