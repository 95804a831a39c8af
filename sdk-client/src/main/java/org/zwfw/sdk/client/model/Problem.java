package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Problem details (RFC 9457) with a stable {@link ProblemCode}.
 *
 * @param type {@code type}, required
 * @param title {@code title}, required
 * @param status {@code status}, required: the HTTP status
 * @param detail {@code detail}
 * @param instance {@code instance}
 * @param code {@code code}, required
 * @param requestId {@code request_id}, required
 * @param errors {@code errors}: every fault
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @JsonProperty(value = "type", required = true) String type,
        @JsonProperty(value = "title", required = true) String title,
        @JsonProperty(value = "status", required = true) int status,
        @JsonProperty("detail") String detail,
        @JsonProperty("instance") String instance,
        @JsonProperty(value = "code", required = true) ProblemCode code,
        @JsonProperty(value = "request_id", required = true) String requestId,
        @JsonProperty("errors") List<ProblemError> errors) {

    /** Checks that every required member is present. */
    public Problem {
        Require.present(type, "type");
        Require.present(title, "title");
        Require.present(code, "code");
        Require.present(requestId, "request_id");
        errors = errors == null ? null : List.copyOf(errors);
    }
}
