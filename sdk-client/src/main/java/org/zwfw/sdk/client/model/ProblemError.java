package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One fault of a problem.
 *
 * @param code {@code code}, required: a {@link ProblemCode} value or an outcome code of errors.md
 * @param pointer {@code pointer}: JSON Pointer into the request body
 * @param detail {@code detail}, required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(
        @JsonProperty(value = "code", required = true) String code,
        @JsonProperty("pointer") String pointer,
        @JsonProperty(value = "detail", required = true) String detail) {

    /** Checks that every required member is present. */
    public ProblemError {
        Require.present(code, "code");
        Require.present(detail, "detail");
    }
}
