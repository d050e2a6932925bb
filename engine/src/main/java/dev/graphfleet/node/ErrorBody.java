package dev.graphfleet.node;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON of every error answer: {@code {error, detail}}, plus {@code retry_after} seconds when retryable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorBody(String error, String detail, Long retryAfter) {

    static ErrorBody of(ApiException e) {
        return new ErrorBody(e.error(), e.detail(), e.retryAfter() == null ? null : e.retryAfter().toSeconds());
    }
}
