package org.zwfw.sdk.testkit;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.sandbox.Sandbox;

/**
 * What a test needs to call a {@link ZwfwSandbox} sandbox's service-network API
 * ({@code spec/sandbox.md} §11) as a registered application: the API base URL, the default app
 * {@value Sandbox#DEFAULT_API_APP} (which may call every operation and is an authorised
 * department of every issuer) with its private request-signing keys, and the platform's public
 * keys its answers and webhooks are signed with (what a client pins). The keys are test keys.
 *
 * <pre>{@code
 * @ZwfwSandbox
 * class MyDepartmentTest {
 *     @Test
 *     void submitsACase(SandboxApi api) {
 *         ApiClient client = ApiClient.builder().endpoint(api.baseUri()).appId(api.appId())
 *                 .appKey(api.signingKey()).platformKeys(api.platformKeys()).build();
 *         ...
 *     }
 * }
 * }</pre>
 *
 * @param baseUri      the API base URL, {@code <sandbox>/v1}
 * @param appId        the default app's ID ({@code X-Zwfw-App-Id})
 * @param signingKeys  its private API keys: one {@code ES256}, one {@code EdDSA}, one {@code SGD_SM3_SM2}
 * @param platformKeys the platform's public response and webhook keys, one per algorithm
 */
public record SandboxApi(URI baseUri, String appId, List<SigningKey> signingKeys, KeySet platformKeys) {

    /** Copies the list; nothing may be null and there is at least one key. */
    public SandboxApi {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(platformKeys, "platformKeys");
        signingKeys = List.copyOf(signingKeys);
        if (signingKeys.isEmpty()) {
            throw new IllegalArgumentException(appId + " has no API keys");
        }
    }

    /**
     * @param sandbox a running sandbox with the default apps
     * @return its API as the default app {@value Sandbox#DEFAULT_API_APP} calls it
     * @throws IllegalArgumentException when the sandbox's apps came from an apps file (their
     *                                  private keys are their owners')
     */
    public static SandboxApi of(Sandbox sandbox) {
        List<SigningKey> keys = sandbox.defaultAppKeys(Sandbox.DEFAULT_API_APP);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the sandbox's apps came from an apps file: it holds no private API key"
                    + " of theirs (sign with your own keys and Sandbox.platformKeys())");
        }
        return new SandboxApi(sandbox.apiBaseUri(), Sandbox.DEFAULT_API_APP, keys, sandbox.platformKeys());
    }

    /** @return the {@code ES256} key (the usual choice) */
    public SigningKey signingKey() {
        return signingKey(JwsAlgorithm.ES256);
    }

    /**
     * @param algorithm {@code ES256}, {@code EdDSA} or {@code SGD_SM3_SM2}
     * @return the key of that algorithm
     * @throws IllegalArgumentException when there is none
     */
    public SigningKey signingKey(JwsAlgorithm algorithm) {
        return signingKeys.stream().filter(k -> k.algorithm() == algorithm).findFirst().orElseThrow(() ->
                new IllegalArgumentException(appId + " has no " + algorithm + " API key"));
    }

    /** Never shows the private keys. */
    @Override
    public String toString() {
        return "SandboxApi[" + baseUri + ", " + appId + ", " + signingKeys.size() + " keys]";
    }
}
