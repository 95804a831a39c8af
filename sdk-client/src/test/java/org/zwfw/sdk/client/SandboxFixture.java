package org.zwfw.sdk.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.sandbox.internal.openapi.ApiDocument;

/**
 * A sandbox on loopback and clients of its default app {@code sandbox-service}, over real HTTP,
 * every request and answer checked against the document by a {@link DocumentCheckingTransport}.
 */
final class SandboxFixture implements AutoCloseable {

    static final ApiDocument DOC = ApiDocument.load();
    static final String APP = Sandbox.DEFAULT_API_APP;

    final Sandbox sandbox;
    final DocumentCheckingTransport transport = new DocumentCheckingTransport(DOC);
    final List<ApiExchange> exchanges = new CopyOnWriteArrayList<>();

    SandboxFixture() {
        this(Sandbox.builder());
    }

    SandboxFixture(Sandbox.Builder builder) {
        sandbox = builder.start();
    }

    /** @return a builder of a client with the app's key of the algorithm, the pinned platform keys, this fixture's transport */
    ApiClient.Builder client(JwsAlgorithm alg) {
        return ApiClient.builder().endpoint(sandbox.baseUri()).allowLoopbackHttp(true).appId(APP)
                .appKey(sandbox.defaultAppKey(APP, alg)).platformKeys(sandbox.platformKeys()).transport(transport)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(3)))
                .interceptor(new ApiInterceptor() {
                    @Override
                    public void afterAttempt(ApiExchange e) {
                        exchanges.add(e);
                    }
                });
    }

    ApiClient client() {
        return client(JwsAlgorithm.ES256).build();
    }

    /** @return the attempts seen for an operation path since the index, with their outcomes */
    List<String> outcomes(int from, String pathPrefix) {
        return exchanges.subList(from, exchanges.size()).stream().filter(e -> e.path().startsWith(pathPrefix))
                .map(ApiExchange::outcome).toList();
    }

    @Override
    public void close() {
        sandbox.close();
        transport.close();
    }
}
