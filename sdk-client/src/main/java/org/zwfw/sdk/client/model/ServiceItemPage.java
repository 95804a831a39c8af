package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A page of service item search results.
 *
 * @param items {@code items}, required
 * @param nextPageToken {@code next_page_token}: absent on the last page
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceItemPage(
        @JsonProperty(value = "items", required = true) List<ServiceItemSummary> items,
        @JsonProperty("next_page_token") String nextPageToken) implements Page<ServiceItemSummary> {

    /** Checks that every required member is present. */
    public ServiceItemPage {
        Require.present(items, "items");
        items = items == null ? null : List.copyOf(items);
    }
}
