package org.zwfw.sdk.sandbox.internal.api;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.zwfw.sdk.replay.InMemoryReplayStore;
import org.zwfw.sdk.replay.ReplayStore;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.rnat.RealNameToken;
import org.zwfw.sdk.rnat.RnatVerifier;
import org.zwfw.sdk.sandbox.internal.Problem;
import org.zwfw.sdk.sandbox.internal.oidc.Provider;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The holder's consent: a real-name auth token of the sandbox's own OpenID provider whose
 * audience is the calling application, at least the level asked for, checked with the SDK's
 * {@link RnatVerifier}. Checking does not spend the token; {@link #spend} does, once, when the
 * operation that needs it commits, so that a refused request leaves the consent usable. Never
 * logged. Thread-safe.
 */
final class Consents {

    private final Provider provider;
    private final Clock clock;
    private final ReplayStore spent;

    Consents(Provider provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
        this.spent = new InMemoryReplayStore(100_000, clock);
    }

    /**
     * @return the verified token
     * @throws org.zwfw.sdk.sandbox.internal.ProblemException 403 CONSENT_INVALID with the token's outcome codes
     */
    RealNameToken check(String token, String appId, AssuranceLevel minimum, String pointer) {
        VerificationResult<RealNameToken> r = RnatVerifier.builder().clock(clock)
                .issuer(provider.issuer(), provider.verificationKeys()).audience(appId).minimumLevel(minimum)
                .recordUse(false).build().verify(token);
        if (!r.isValid()) {
            List<Problem.Item> errors = new ArrayList<>();
            for (Finding f : r.errors()) {
                errors.add(new Problem.Item(f.code().name(), pointer, detail(f)));
            }
            throw ApiProblems.forbidden("CONSENT_INVALID", "The holder's consent was refused", "the consent token"
                    + " was not accepted; see errors", errors);
        }
        return r.value().orElseThrow();
    }

    /** Spends a checked consent; a second spend is 403 CONSENT_INVALID (REPLAYED). */
    void spend(RealNameToken t, String pointer) {
        boolean first = spent.firstUse("consent|" + t.issuer() + "|" + t.tokenId(),
                t.expiresAt().plus(Duration.ofMinutes(5)));
        if (!first) {
            throw ApiProblems.forbidden("CONSENT_INVALID", "The holder's consent was refused", "the consent token"
                    + " was already used; a consent is single use", List.of(new Problem.Item("REPLAYED", pointer,
                            "this consent token was used before")));
        }
    }

    static AssuranceLevel level(String acr) {
        for (AssuranceLevel l : AssuranceLevel.values()) {
            if (l.acr().equals(acr)) {
                return l;
            }
        }
        return AssuranceLevel.L2;
    }

    private static String detail(Finding f) {
        switch (f.code()) {
            case EXPIRED:
                return "the consent token has expired";
            case AUDIENCE_MISMATCH:
                return "the consent token was issued for another application";
            case ASSURANCE_TOO_LOW:
                return "the holder's real-name level is below what this requires";
            case SIGNATURE_INVALID:
            case UNKNOWN_KEY:
            case UNTRUSTED_ISSUER:
                return "the consent token is not one the platform's identity service issued";
            default:
                return "the consent token fails " + f.code().name();
        }
    }
}
