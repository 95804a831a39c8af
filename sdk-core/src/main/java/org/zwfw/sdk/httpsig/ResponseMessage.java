package org.zwfw.sdk.httpsig;

import java.util.Objects;

/**
 * An HTTP response as the signature profile sees it ({@code spec/api-signing.md} §7): status,
 * header fields, content. Immutable; {@code toString()} shows neither field values nor content.
 *
 * @param status  the status code, 100 to 599
 * @param fields  the header fields
 * @param content the content; empty for none, never {@code null}
 */
public record ResponseMessage(int status, HttpFields fields, byte[] content) {

    /** Checks and copies the parts. */
    public ResponseMessage {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("the status must be 100 to 599");
        }
        Objects.requireNonNull(fields, "fields");
        content = content == null ? new byte[0] : content.clone();
    }

    /** @return a copy of the content */
    @Override
    public byte[] content() {
        return content.clone();
    }

    byte[] contentView() {
        return content;
    }

    /**
     * @param newFields other header fields
     * @return this response with those fields
     */
    public ResponseMessage withFields(HttpFields newFields) {
        return new ResponseMessage(status, newFields, content);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseMessage r && r.status == status && r.fields.equals(fields)
                && java.util.Arrays.equals(r.content, content);
    }

    @Override
    public int hashCode() {
        return (status * 31 + fields.hashCode()) * 31 + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "ResponseMessage[" + status + ", " + fields + ", " + content.length + " bytes]";
    }
}
