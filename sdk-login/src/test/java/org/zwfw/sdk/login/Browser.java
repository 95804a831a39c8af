package org.zwfw.sdk.login;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plays the browser: follows the authorization URL to the provider and returns where it redirects. */
final class Browser {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Browser() {
    }

    /** @return the {@code Location} the provider answers the authorization URL with */
    static URI authorize(URI authorizationUrl) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(authorizationUrl).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            String location = r.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                    "no redirect from the provider: HTTP " + r.statusCode() + " " + r.body()));
            return URI.create(location);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return the raw query of the redirect back to the client */
    static String callbackQuery(URI authorizationUrl) {
        return authorize(authorizationUrl).getRawQuery();
    }
}
