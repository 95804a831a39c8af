package org.zwfw.sdk.status.issuer;

/**
 * Thrown by {@link StatusListIssuer#allocate()} when every index of the list has been allocated.
 * The issuer then needs a new list (a new URI); indexes are never reused, since a reused index
 * would give a new credential the status of an old one.
 */
public final class StatusListFullException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int capacity;

    /**
     * @param capacity the capacity of the full list
     */
    public StatusListFullException(int capacity) {
        super("status list is full: all " + capacity + " indexes have been allocated; start a new list");
        this.capacity = capacity;
    }

    /** @return the capacity of the full list */
    public int capacity() {
        return capacity;
    }
}
