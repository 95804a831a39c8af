package org.zwfw.sdk.client;

/**
 * The typed operations of the API, grouped as the document's tags group them. Each operation has
 * a synchronous form and an {@code ...Async} form returning a {@code CompletableFuture}; lists
 * come as a {@link Paged} that fetches page after page as it is iterated (and a
 * {@code ...PageAsync} form for one page). Each operation is retried as its {@code x-zwfw-retry}
 * says ({@link RetryMode}).
 *
 * <p>The e-SSC channel operations ({@code /v1/ssc/...}, {@code x-zwfw-status: planned}) have no
 * typed form yet: until their behaviour is specified the platform answers them
 * {@code 501 NOT_IMPLEMENTED}. They are reachable through {@link ApiClient#send} with a raw
 * {@link ApiRequest} (with the retry mode of the document, {@link ApiRequest#segment} for the
 * card reference), for instance
 * {@code api.send(ApiRequest.get("/v1/ssc/cards/" + ApiRequest.segment(cardRef), null))}.
 */
public final class Resources {

    private final ServiceItems serviceItems;
    private final Uploads uploads;
    private final Cases cases;
    private final ServiceHalls serviceHalls;
    private final Appointments appointments;
    private final Issuers issuers;
    private final EcertUses ecertUses;
    private final Trust trust;
    private final Platform platform;

    Resources(ApiClient client) {
        this.serviceItems = new ServiceItems(client);
        this.uploads = new Uploads(client);
        this.cases = new Cases(client);
        this.serviceHalls = new ServiceHalls(client);
        this.appointments = new Appointments(client);
        this.issuers = new Issuers(client);
        this.ecertUses = new EcertUses(client);
        this.trust = new Trust(client);
        this.platform = new Platform(client);
    }

    /** @return service items (事项): search, get */
    public ServiceItems serviceItems() {
        return serviceItems;
    }

    /** @return material uploads */
    public Uploads uploads() {
        return uploads;
    }

    /** @return cases (办件): submit, get, list by applicant, withdraw */
    public Cases cases() {
        return cases;
    }

    /** @return service halls and their free appointment slots */
    public ServiceHalls serviceHalls() {
        return serviceHalls;
    }

    /** @return appointments (预约): book, get, cancel */
    public Appointments appointments() {
        return appointments;
    }

    /** @return e-certificate issuers: list, keys, issue, status lists, status entries, status changes */
    public Issuers issuers() {
        return issuers;
    }

    /** @return uses of e-certificates with the holder's consent (用证) */
    public EcertUses ecertUses() {
        return ecertUses;
    }

    /** @return the trust list and its anchor's keys */
    public Trust trust() {
        return trust;
    }

    /** @return the platform's own keys */
    public Platform platform() {
        return platform;
    }
}
