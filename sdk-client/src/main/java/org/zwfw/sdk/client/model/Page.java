package org.zwfw.sdk.client.model;

import java.util.List;

/**
 * One page of a paginated list: its items and the token of the next page.
 *
 * @param <T> the item type
 */
public interface Page<T> {

    /**
     * Returns the items of this page.
     *
     * @return the items, never {@code null}
     */
    List<T> items();

    /**
     * Returns the {@code page_token} that asks for the next page.
     *
     * @return the token, or {@code null} on the last page
     */
    String nextPageToken();
}
