package org.zwfw.sdk.sandbox.internal.oidc;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.TestCitizen;

/**
 * What the OpenID provider remembers between requests, in memory only ({@code spec/sandbox.md}
 * §10.6): a restart logs everyone out. {@code toString()} of each never shows a token, a code or
 * personal data.
 */
final class Grants {

    private Grants() {
    }

    /** A checked authorization request, waiting for the login page's answer or answered at once. */
    record AuthRequest(RegisteredApp app, String redirectUri, Set<String> scope, String state, String nonce,
            String challenge, List<String> acrValues, Instant created) {
        @Override
        public String toString() {
            return "AuthRequest[" + app.clientId() + ", scope " + scope + "]";
        }
    }

    /** A login of one citizen: one {@code sid}; the apps that received tokens in it. */
    static final class Session {
        final String sid;
        final TestCitizen citizen;
        final Instant authTime;
        private final Set<String> clients = new LinkedHashSet<>();
        private volatile boolean ended;

        Session(String sid, TestCitizen citizen, Instant authTime) {
            this.sid = sid;
            this.citizen = citizen;
            this.authTime = authTime;
        }

        synchronized void tokensIssuedTo(String clientId) {
            clients.add(clientId);
        }

        synchronized List<String> clients() {
            return List.copyOf(clients);
        }

        void end() {
            ended = true;
        }

        boolean ended() {
            return ended;
        }

        @Override
        public String toString() {
            return "Session[" + citizen.slug() + "]";
        }
    }

    /**
     * The tokens that descend from one authorization code: revoked together when the code or a
     * used refresh token is presented again (RFC 6749 §4.1.2, RFC 9700 §4.14.2).
     */
    static final class Family {
        final RegisteredApp app;
        final Session session;
        final Set<String> scope;
        final Set<String> released;
        private volatile boolean revoked;

        Family(RegisteredApp app, Session session, Set<String> scope, Set<String> released) {
            this.app = app;
            this.session = session;
            this.scope = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(scope));
            this.released = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(released));
        }

        void revoke() {
            revoked = true;
        }

        boolean live() {
            return !revoked && !session.ended();
        }
    }

    /** An authorization code: single use, 60 s, bound to client, redirect URI and PKCE challenge. */
    record Code(AuthRequest request, Family family, Instant expires, AtomicBoolean used) {
        @Override
        public String toString() {
            return "Code[" + request.app().clientId() + "]";
        }
    }

    /** An access token (opaque) or a refresh token (rotated at each use). */
    record Token(Family family, Instant expires, AtomicBoolean used) {
        boolean live(Instant now) {
            return family.live() && now.isBefore(expires);
        }

        @Override
        public String toString() {
            return "Token[" + family.app.clientId() + "]";
        }
    }

    /** A login page waiting for its form: the request it stands for, valid 10 minutes. */
    record Pending(AuthRequest request, Instant expires) {
        @Override
        public String toString() {
            return "Pending[" + request.app().clientId() + "]";
        }
    }
}
