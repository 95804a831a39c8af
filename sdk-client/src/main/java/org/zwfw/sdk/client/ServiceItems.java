package org.zwfw.sdk.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.zwfw.sdk.client.model.ServiceItem;
import org.zwfw.sdk.client.model.ServiceItemPage;
import org.zwfw.sdk.client.model.ServiceItemSummary;

/** Service items (政务服务事项): {@code /v1/service-items}. Reads, retried as {@code safe}. */
public final class ServiceItems {

    private final ApiClient client;

    ServiceItems(ApiClient client) {
        this.client = client;
    }

    /**
     * Searches items ({@code searchServiceItems}), by relevance to the keyword, then by item code,
     * fetched page by page as iterated.
     *
     * @param search   the filters
     * @param pageSize items per page, 1 to 100
     * @return the items
     */
    public Paged<ServiceItemSummary> search(ServiceItemSearch search, int pageSize) {
        Objects.requireNonNull(search, "search");
        Answers.pageSize(pageSize);
        return new Paged<>(token -> client.call(searchRequest(search, pageSize, token), ServiceItemPage.class));
    }

    /**
     * One page of a search, for callers that keep the page token themselves.
     *
     * @param search    the filters
     * @param pageSize  items per page, 1 to 100
     * @param pageToken the previous page's {@code next_page_token}, or {@code null} for the first page
     * @return the page
     */
    public CompletableFuture<ServiceItemPage> searchPageAsync(ServiceItemSearch search, int pageSize, String pageToken) {
        Objects.requireNonNull(search, "search");
        Answers.pageSize(pageSize);
        return client.callAsync(searchRequest(search, pageSize, pageToken), ServiceItemPage.class);
    }

    private static ApiRequest searchRequest(ServiceItemSearch search, int pageSize, String token) {
        String[] f = search.params();
        return ApiRequest.get("/v1/service-items", ApiRequest.query(f[0], f[1], f[2], f[3],
                ApiRequest.param("page_size", pageSize), ApiRequest.param("page_token", token)));
    }

    /**
     * @param itemCode the item's implementation code (事项实施编码)
     * @return the item with its materials, time limit, fees and form ({@code getServiceItem})
     */
    public ServiceItem get(String itemCode) {
        return client.call(getRequest(itemCode), ServiceItem.class);
    }

    /**
     * @param itemCode the item's code
     * @return the item
     */
    public CompletableFuture<ServiceItem> getAsync(String itemCode) {
        return client.callAsync(getRequest(itemCode), ServiceItem.class);
    }

    private static ApiRequest getRequest(String itemCode) {
        return ApiRequest.get("/v1/service-items/" + ApiRequest.segment(itemCode), null);
    }
}
