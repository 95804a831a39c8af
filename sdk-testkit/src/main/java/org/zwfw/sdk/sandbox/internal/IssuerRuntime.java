package org.zwfw.sdk.sandbox.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.zwfw.sdk.credential.issuer.CredentialIssuer;
import org.zwfw.sdk.credential.issuer.IssuedCredential;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.sandbox.SandboxIssuer;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.issuer.StatusListFullException;
import org.zwfw.sdk.status.issuer.StatusListIssuer;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * One issuer of the sandbox while it runs: its keys, its status list and the SDK's
 * {@link CredentialIssuer} over them. Thread-safe (the SDK classes it holds are).
 */
public final class IssuerRuntime {

    private final SandboxIssuer issuer;
    private final SigningKey key;
    private final SigningKey statusKey;
    private final StatusListIssuer statusList;
    private final URI statusListUri;
    private final CredentialIssuer credentials;
    private final Duration statusValidity;
    private final Duration statusTtl;

    /**
     * @param issuer         which issuer
     * @param key            the credential signing key
     * @param statusKey      the status-list signing key (may be {@code key})
     * @param statusList     the status list, persisted or not
     * @param statusListUri  where the sandbox serves the list: every credential's status {@code uri}
     *                       and the list's {@code sub}
     * @param clock          the sandbox's clock
     * @param statusValidity the lifetime of each status list token
     * @param statusTtl      the {@code ttl} of each status list token
     */
    public IssuerRuntime(SandboxIssuer issuer, SigningKey key, SigningKey statusKey, StatusListIssuer statusList,
            URI statusListUri, Clock clock, Duration statusValidity, Duration statusTtl) {
        this.issuer = issuer;
        this.key = key;
        this.statusKey = statusKey;
        this.statusList = statusList;
        this.statusListUri = statusListUri;
        this.statusValidity = statusValidity;
        this.statusTtl = statusTtl;
        this.credentials = CredentialIssuer.builder(issuer.id(), key).clock(clock).statusList(statusList, statusListUri)
                .statusListKey(statusKey).build();
    }

    /** @return which issuer */
    public SandboxIssuer issuer() {
        return issuer;
    }

    /** @return the public keys: the credential key, then the status-list key when it differs */
    public KeySet keys() {
        List<VerificationKey> keys = new ArrayList<>();
        keys.add(key.verificationKey());
        if (!statusKey.verificationKey().equals(key.verificationKey())) {
            keys.add(statusKey.verificationKey());
        }
        return KeySet.of(keys);
    }

    /** @return the issuer's trust-list entry: its keys, its {@code vct} and {@code statuslist} */
    public TrustedIssuer trustEntry() {
        return TrustedIssuer.builder(issuer.id()).name(issuer.displayName()).uscc(issuer.uscc()).keys(keys())
                .types(issuer.credentialType().vct(), TrustedIssuer.TYPE_STATUS_LIST).build();
    }

    /** @return the status list's URL */
    public URI statusListUri() {
        return statusListUri;
    }

    /** @return the {@code _sd_alg} name of this issuer's credentials */
    public String hashAlgorithm() {
        return credentials.hashAlgorithm().jsonName();
    }

    /** @return the status list as it is now, freshly signed */
    public String statusListToken() {
        return credentials.statusListToken(statusValidity, statusTtl);
    }

    /**
     * @param request a checked request
     * @return the credential, with a newly allocated status index
     * @throws ProblemException 503 when the status list is full
     */
    public IssuedCredential issue(IssuanceRequest request) {
        CredentialIssuer.Request r = credentials.request(request.claims());
        if (request.holderKey() != null) {
            r.holderKey(request.holderKey());
        }
        r.alwaysVisible(request.alwaysVisible().toArray(new String[0]));
        try {
            return r.issue();
        } catch (StatusListFullException e) {
            throw Problem.of(503, Problem.STATUS_LIST_FULL, "The status list is full", "all " + e.capacity()
                    + " indexes of " + issuer.slug() + "'s status list have been allocated; indexes are never reused."
                    + " Start the sandbox with a new state directory", null).exception();
        }
    }

    /**
     * A time-limited copy of a credential this issuer gave (an e-certificate use): the same
     * {@code iss}, {@code vct} and status reference, only the claims given, each disclosable.
     *
     * @param claims the claims to put in the copy
     * @param idx    the original's status index
     * @param now    the issue time
     * @param exp    the expiry
     * @return the compact SD-JWT VC with every disclosure
     */
    public String copy(java.util.Map<String, Object> claims, int idx, java.time.Instant now, java.time.Instant exp) {
        java.util.Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("iss", issuer.id());
        payload.put("vct", issuer.credentialType().vct());
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", exp.getEpochSecond());
        payload.put("status", java.util.Map.of("status_list", java.util.Map.of("idx", idx, "uri",
                statusListUri.toString())));
        List<org.zwfw.sdk.credential.ClaimPath> disclosable = new ArrayList<>();
        for (java.util.Map.Entry<String, Object> e : claims.entrySet()) {
            payload.put(e.getKey(), e.getValue());
            disclosable.add(org.zwfw.sdk.credential.ClaimPath.of(e.getKey()));
        }
        return org.zwfw.sdk.credential.issuer.SdJwtBuilder.signedWith(key)
                .type(org.zwfw.sdk.credential.CredentialVerifier.TYPE).claims(payload)
                .selectivelyDisclosable(disclosable).hashAlgorithm(credentials.hashAlgorithm()).build();
    }

    /**
     * @param idx a status index
     * @return its status
     * @throws ProblemException 404 when the index was never allocated
     */
    public Status status(int idx) {
        requireAllocated(idx);
        return statusList.status(idx);
    }

    /**
     * @param idx    an allocated index
     * @param status the new status
     * @return the previous status
     * @throws ProblemException 404 for an index never allocated, 409 ({@code REVOKED}) when the index
     *                          is INVALID, which is final
     */
    public Status setStatus(int idx, Status status) {
        requireAllocated(idx);
        synchronized (statusList) {
            Status previous = statusList.status(idx);
            if (previous == Status.INVALID && status != Status.INVALID) {
                throw Problem.of(409, Problem.STATUS_FINAL, "The credential is revoked", "index " + idx
                        + " is INVALID (revoked), which is final: issue a new credential instead", OutcomeCode.REVOKED)
                        .exception();
            }
            statusList.set(idx, status);
            return previous;
        }
    }

    private void requireAllocated(int idx) {
        if (!statusList.isAllocated(idx)) {
            throw Problem.http(404, "index " + idx + " of " + issuer.slug() + "'s status list was never given to a"
                    + " credential").exception();
        }
    }
}
