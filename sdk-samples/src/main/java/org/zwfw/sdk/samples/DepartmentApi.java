package org.zwfw.sdk.samples;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.zwfw.sdk.client.ApiClient;
import org.zwfw.sdk.client.ApiProblemException;
import org.zwfw.sdk.client.ServiceItemSearch;
import org.zwfw.sdk.client.WebhookVerifier;
import org.zwfw.sdk.client.model.HandlingMode;
import org.zwfw.sdk.client.model.ServiceItemSummary;
import org.zwfw.sdk.client.model.WebhookEvent;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.httpsig.RequestMessage;

/**
 * User story (department): a back end calls the service-network API — every request signed with
 * the department's registered key, every answer verified before it is read — and takes the
 * platform's webhooks, each delivery verified and each event processed once.
 */
public final class DepartmentApi {

    private DepartmentApi() {
    }

    /**
     * Runs the sample against a platform (the sandbox: {@code zwfw sandbox} prints what to pass).
     *
     * @param args the platform's base URL, the application ID, its private JWK, the platform's JWK Set
     */
    public static void main(String[] args) {
        try (ApiClient api = apiClient(URI.create(args[0]), args[1], SigningKey.fromJwk(args[2]), KeySet.parse(args[3]))) {
            printOnlinePensionItems(api);
        }
    }

    /**
     * The client, built once at start-up and shared by every thread.
     *
     * @param platform     the platform's base URL
     * @param appId        the registered application ID
     * @param appKey       its registered signing key (with its registered kid)
     * @param platformKeys the platform's keys, pinned
     * @return the client
     */
    static ApiClient apiClient(URI platform, String appId, SigningKey appKey, KeySet platformKeys) {
        return ApiClient.builder()
                .endpoint(platform)
                .appId(appId).appKey(appKey)
                .platformKeys(platformKeys)                 // answers must be signed by these keys
                .allowLoopbackHttp(true)                    // the sandbox; the platform is https
                .build();
    }

    /**
     * Typed calls: a search whose pages are fetched as they are iterated, and a problem answer.
     *
     * @param api the client
     */
    static void printOnlinePensionItems(ApiClient api) {
        ServiceItemSearch search = ServiceItemSearch.forKeyword("养老").withHandlingModes(HandlingMode.FULLY_ONLINE);
        for (ServiceItemSummary item : api.serviceItems().search(search, 20)) {
            System.out.println(item.itemCode() + " " + item.name());
        }
        try {
            api.cases().get("case_0000000000000000");
        } catch (ApiProblemException e) {               // verified: the platform itself said so
            System.out.println(e.status() + " " + e.code() + ", request id " + e.requestId().orElse("-"));
        }
    }

    /**
     * One webhook delivery, as the receiver's HTTP handler gets it.
     *
     * @param hooks    the verifier for the registered webhook URL, built once
     * @param delivery the delivery as received
     * @param queue    where taken events go
     * @return the status to answer with
     */
    static int onWebhook(WebhookVerifier hooks, RequestMessage delivery, BlockingQueue<WebhookEvent> queue) {
        WebhookVerifier.Outcome outcome = hooks.handle(delivery, queue::add);
        return outcome.httpStatus();                    // 204: taken (or taken before); 401: refused
    }

    /** @return a queue for {@link #onWebhook} */
    static BlockingQueue<WebhookEvent> queue() {
        return new LinkedBlockingQueue<>();
    }
}
