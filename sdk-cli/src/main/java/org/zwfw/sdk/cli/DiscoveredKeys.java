package org.zwfw.sdk.cli;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import org.zwfw.sdk.crypto.KeyRequest;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.RemoteKeySet;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.login.LoginException;
import org.zwfw.sdk.login.LoginFailure;
import org.zwfw.sdk.login.ProviderMetadata;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The keys of {@code --issuer} without {@code --jwks} (spec/cli.md): its discovery document and
 * {@code jwks_uri}, fetched on the first token that needs them, once per run and shared by every
 * worker of {@code verify-batch}. A document naming another issuer is not used
 * ({@code UNTRUSTED_ISSUER}); one that cannot be had leaves every token {@code UNKNOWN_KEY}, named.
 */
final class DiscoveredKeys implements KeyResolver {

    /** Where the HTTP client comes from (the engine's, made on first use). */
    interface Transports {
        HttpTransport get() throws IOException;
    }

    private final String issuer;
    private final Transports transports;
    private final Clock clock;
    private final boolean loopback;
    private volatile KeyResolver keys;
    private volatile VerificationResult<KeySet> failure;

    DiscoveredKeys(String issuer, Transports transports, Clock clock) {
        this.issuer = issuer;
        this.transports = transports;
        this.clock = clock;
        this.loopback = "http".equals(URI.create(issuer).getScheme());
    }

    @Override
    public VerificationResult<KeySet> resolve(KeyRequest request) {
        KeyResolver k = keys;
        if (k == null && failure == null) {
            synchronized (this) { // one discovery for the run; later calls take no lock
                if (keys == null && failure == null) {
                    discover();
                }
            }
            k = keys;
        }
        return k != null ? k.resolve(request) : failure;
    }

    private void discover() {
        try {
            HttpTransport t = transports.get();
            ProviderMetadata m = ProviderMetadata.discover(issuer, t, loopback, clock);
            keys = RemoteKeySet.builder(m.jwksUri()).transport(t).allowLoopbackHttp(loopback).clock(clock).build();
        } catch (LoginException e) {
            boolean mismatch = e.failure().orElse(null) == LoginFailure.ISSUER_MISMATCH;
            failure = VerificationResult.invalid(mismatch ? OutcomeCode.UNTRUSTED_ISSUER : OutcomeCode.UNKNOWN_KEY,
                    (mismatch ? "the discovery document of " + issuer + " names another issuer; nothing of it was used: "
                            : "the keys of " + issuer + " could not be had by discovery: ") + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            failure = VerificationResult.invalid(OutcomeCode.UNKNOWN_KEY, "the keys of " + issuer
                    + " could not be had by discovery: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "DiscoveredKeys[" + issuer + "]";
    }
}
