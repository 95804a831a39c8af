package org.zwfw.sdk.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.zwfw.sdk.client.model.Page;

/**
 * The items of a paginated list, fetched a page at a time as they are iterated: nothing is
 * fetched before the first {@code next()}/{@code hasNext()}, and the next page only when the
 * items of the current one are used up. Each iteration starts again from the first page. A failed
 * page fetch throws the call's {@link ApiException} from the iterator.
 *
 * @param <T> the item type
 */
public final class Paged<T> implements Iterable<T> {

    private final Function<String, ? extends Page<T>> fetch;

    /**
     * @param fetch fetches the page for a {@code page_token} ({@code null} for the first)
     */
    Paged(Function<String, ? extends Page<T>> fetch) {
        this.fetch = fetch;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Iterator<T> current;
            private String next;
            private boolean last;
            private final java.util.Set<String> tokens = new java.util.HashSet<>();

            @Override
            public boolean hasNext() {
                while (current == null || !current.hasNext()) {
                    if (last) {
                        return false;
                    }
                    Page<T> page = fetch.apply(next);
                    List<T> items = page.items();
                    current = items.iterator();
                    next = page.nextPageToken();
                    if (next == null || next.isEmpty()) {
                        last = true;
                    } else if (!tokens.add(next)) {
                        // a token that comes back would fetch the same pages for ever
                        last = true;
                        throw new ApiDecodingException("the list's next page_token repeats an earlier one: the list"
                                + " would never end", 200, null, 1, null);
                    }
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** @return the items as a lazily fetching sequential stream */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }
}
