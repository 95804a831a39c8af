package org.zwfw.sdk.httpsig;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP request as the signature profile sees it ({@code spec/api-signing.md} §4, §5): method,
 * the target's authority, path and query, the header fields and the content. Immutable; the
 * content is copied in and out. {@code toString()} shows neither field values nor content.
 *
 * @param method    the method as sent ({@code GET}, {@code POST}); case-sensitive
 * @param authority the target's authority, host in lower case, default port omitted
 *                  ({@link #authority(String, String)})
 * @param path      the absolute path as sent, percent-encoding untouched; {@code /} when empty
 * @param query     the query as sent, without the {@code ?}; {@code null} when the target has none
 * @param fields    the header fields
 * @param content   the content, or {@code null} (or empty) for none
 */
public record RequestMessage(String method, String authority, String path, String query, HttpFields fields,
                             byte[] content) {

    /** Checks and copies the parts. */
    public RequestMessage {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fields, "fields");
        if (method.isEmpty()) {
            throw new IllegalArgumentException("the method is empty");
        }
        if (path.isEmpty()) {
            path = "/";
        } else if (path.charAt(0) != '/') {
            throw new IllegalArgumentException("the path must start with /");
        }
        content = content == null || content.length == 0 ? null : content.clone();
    }

    /**
     * A request to an absolute URI.
     *
     * @param method  the method
     * @param uri     an absolute {@code http} or {@code https} URI; its raw path and query are used as they are
     * @param fields  the header fields (without {@code Host}: the authority comes from {@code uri})
     * @param content the content, or {@code null}
     * @return the request
     */
    public static RequestMessage of(String method, URI uri, HttpFields fields, byte[] content) {
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("the URI must be absolute, with an authority");
        }
        return new RequestMessage(method, authority(uri.getScheme(), uri.getRawAuthority()),
                uri.getRawPath() == null ? "/" : uri.getRawPath(), uri.getRawQuery(), fields, content);
    }

    /**
     * A request as a server received it.
     *
     * @param method    the method
     * @param scheme    {@code http} or {@code https}
     * @param host      the {@code Host} field (HTTP/1.1) or {@code :authority} (HTTP/2, 3)
     * @param target    the request target in origin form: path, then {@code ?} and the query if any
     * @param fields    the header fields
     * @param content   the content, or {@code null}
     * @return the request
     */
    public static RequestMessage received(String method, String scheme, String host, String target,
                                          HttpFields fields, byte[] content) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        return new RequestMessage(method, authority(scheme, host), path, query, fields, content);
    }

    /**
     * The {@code @authority} of RFC 9421 §2.2.3 as this profile writes it: host in lower case, the
     * port omitted when it is the scheme's default.
     *
     * @param scheme    {@code http} or {@code https}
     * @param authority host, optionally {@code :port}
     * @return the normalised authority
     */
    public static String authority(String scheme, String authority) {
        String a = authority.toLowerCase(Locale.ROOT);
        String s = scheme.toLowerCase(Locale.ROOT);
        if ((s.equals("https") && a.endsWith(":443")) || (s.equals("http") && a.endsWith(":80"))) {
            a = a.substring(0, a.lastIndexOf(':'));
        }
        return a;
    }

    /** @return whether the request has content */
    public boolean hasContent() {
        return content != null;
    }

    /** @return a copy of the content, or {@code null} */
    @Override
    public byte[] content() {
        return content == null ? null : content.clone();
    }

    /** @return the content, not copied (for this package's digests) */
    byte[] contentView() {
        return content;
    }

    /**
     * @param newFields other header fields
     * @return this request with those fields
     */
    public RequestMessage withFields(HttpFields newFields) {
        return new RequestMessage(method, authority, path, query, newFields, content);
    }

    /** @return the path and, when there is one, {@code ?} and the query */
    public String target() {
        return query == null ? path : path + "?" + query;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestMessage r && r.method.equals(method) && r.authority.equals(authority)
                && r.path.equals(path) && Objects.equals(r.query, query) && r.fields.equals(fields)
                && java.util.Arrays.equals(r.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, authority, path, query, fields) * 31 + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "RequestMessage[" + method + " " + authority + path + (query == null ? "" : "?…") + ", " + fields
                + (content == null ? "" : ", " + content.length + " bytes") + "]";
    }
}
