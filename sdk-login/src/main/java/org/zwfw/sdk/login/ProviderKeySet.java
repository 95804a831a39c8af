package org.zwfw.sdk.login;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.zwfw.sdk.crypto.KeyRequest;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The default keys of a client (spec/login.md §3): the JWK Set at the {@code jwks_uri} of the
 * provider's discovery document, kept by a remote key set made for that URI (made again only
 * when a refreshed document names another one). Discovery failing is {@code UNKNOWN_KEY} naming
 * the failure. Thread-safe.
 */
final class ProviderKeySet implements KeyResolver {

    private final Discovery discovery;
    private final Function<URI, KeyResolver> remote;
    private final AtomicReference<Held> held = new AtomicReference<>();

    private record Held(URI uri, KeyResolver keys) {
    }

    ProviderKeySet(Discovery discovery, Function<URI, KeyResolver> remote) {
        this.discovery = discovery;
        this.remote = remote;
    }

    @Override
    public VerificationResult<KeySet> resolve(KeyRequest request) {
        URI jwks;
        try {
            jwks = discovery.get().jwksUri();
        } catch (LoginException e) {
            return VerificationResult.invalid(OutcomeCode.UNKNOWN_KEY, "the provider's keys are unknown: "
                    + e.getMessage());
        }
        Held h = held.get();
        if (h == null || !h.uri().equals(jwks)) {
            Held made = new Held(jwks, remote.apply(jwks));
            h = held.compareAndSet(h, made) ? made : held.get();
        }
        return h.keys().resolve(request);
    }

    /** Closes the remote key set held, when it can be closed. */
    void close() {
        Held h = held.getAndSet(null);
        if (h != null && h.keys() instanceof AutoCloseable) {
            try {
                ((AutoCloseable) h.keys()).close();
            } catch (Exception e) {
                // nothing to release beyond what close() released
            }
        }
    }
}
