package org.zwfw.sdk.sandbox;

import java.time.Duration;
import org.zwfw.sdk.credential.CredentialVerifier;
import org.zwfw.sdk.credential.StatusMode;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.status.StatusListSource;
import org.zwfw.sdk.trust.TrustListSource;
import org.zwfw.sdk.trust.TrustListVerifier;

/**
 * What a vendor's verifier would set up against the sandbox: the trust list fetched over HTTP
 * from the sandbox and verified with pinned anchor keys, status lists fetched over HTTP, status
 * required. Each instance has its own caches.
 */
final class Verifiers implements AutoCloseable {

    private final HttpTransport transport = HttpTransport.standard(Duration.ofSeconds(5), true);
    private final TrustListSource trust;

    /**
     * @param sandbox the sandbox
     * @param anchor  the pinned anchor keys (fetched from the sandbox's anchor JWKS by the caller)
     */
    Verifiers(Sandbox sandbox, KeySet anchor) {
        this.trust = TrustListSource.builder(TrustListVerifier.builder(anchor).build()).uri(sandbox.trustListUri())
                .allowLoopbackHttp(true).build();
    }

    /** The anchor keys as a client gets them: from the anchor JWKS URL, over HTTP. */
    static KeySet fetchAnchor(Sandbox sandbox) {
        Http.Reply r = Http.get(sandbox.trustAnchorJwksUri());
        if (r.status() != 200) {
            throw new IllegalStateException("anchor JWKS: HTTP " + r.status());
        }
        return KeySet.parse(r.body());
    }

    TrustListSource trust() {
        return trust;
    }

    CredentialVerifier.Builder builder() {
        return CredentialVerifier.builder().trustList(trust).statusSource(StatusListSource.http(transport,
                Duration.ofSeconds(5))).statusMode(StatusMode.REQUIRED);
    }

    CredentialVerifier verifier() {
        return builder().build();
    }

    @Override
    public void close() {
        trust.close();
        transport.close();
    }
}
