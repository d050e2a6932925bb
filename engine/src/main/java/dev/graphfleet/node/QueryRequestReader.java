package dev.graphfleet.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.graphfleet.node.statement.StatementGuard;
import dev.graphfleet.node.statement.StatementRefusedException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads {@code {"cypher": "...", "parameters": {...}}} from a request body, within the limits:
 * a body or query that is too long is a 413, anything malformed a 400 naming the field and the fix.
 */
final class QueryRequestReader {

    private final ObjectReader json;
    private final QueryLimits limits;
    private final QueryParameters parameters;
    private final StatementGuard guard;

    /**
     * @param guard refuses statements that reach beyond the database (files, other databases,
     *              settings) and explicit transactions, which would leave a pooled connection inside
     *              an open transaction for its next borrower
     */
    QueryRequestReader(ObjectMapper mapper, QueryLimits limits, StatementGuard guard) {
        this.json = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS); // one document, nothing after
        this.guard = guard;
        this.limits = limits;
        this.parameters = new QueryParameters(limits);
    }

    QueryRequest read(HttpServerExchange exchange) {
        JsonNode root = parse(body(exchange));
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("cypher") && !name.equals("parameters")) {
                throw ApiException.badRequest("unknown field '" + name + "' in the query body: the fields are "
                        + "cypher (the query text) and parameters (an object)");
            }
        }
        JsonNode cypherNode = root.get("cypher");
        if (cypherNode == null || !cypherNode.isTextual() || cypherNode.textValue().isBlank()) {
            throw ApiException.badRequest("field cypher is required: the query text as a JSON string");
        }
        String cypher = cypherNode.textValue();
        if (cypher.length() > limits.maxQueryLength()) {
            throw new ApiException(413, "query_too_long", "the query is " + cypher.length()
                    + " characters long; at most " + limits.maxQueryLength() + " are allowed (max_query_length)");
        }
        Map<String, Object> values = parameters.convert(root.get("parameters"));
        try {
            guard.check(cypher, values);
        } catch (StatementRefusedException refused) {
            throw switch (refused.reason()) {
                case DENIED, UNRECOGNISED -> new ApiException(403, "statement_not_allowed", refused.getMessage());
                case READ_ONLY -> new ApiException(403, "read_only", refused.getMessage());
                case TRANSACTION, MALFORMED, TOO_DEEP, UNSAFE -> ApiException.badRequest(refused.getMessage());
            };
        }
        return new QueryRequest(cypher, values);
    }

    private byte[] body(HttpServerExchange exchange) {
        requireJson(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE));
        long declared = exchange.getRequestContentLength();
        if (declared > limits.maxBodyBytes()) {
            throw tooLarge(declared);
        }
        byte[] body = exchange.getAttachment(RequestBodyReader.BODY); // read on the IO thread, under its deadline
        if (body == null) {
            try {
                body = exchange.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBodyBytes() + 1));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the request body", e);
            }
        }
        if (body.length > limits.maxBodyBytes()) {
            throw tooLarge(-1);
        }
        if (body.length == 0) {
            throw ApiException.badRequest("the request body is empty: send {\"cypher\": \"...\", \"parameters\": {...}}");
        }
        return body;
    }

    /** No Content-Type, or JSON: a form or text body is a client mistake (curl -d sends a form type). */
    private static void requireJson(String contentType) {
        if (contentType == null) {
            return;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw new ApiException(415, "unsupported_media_type", "the body must be JSON sent as Content-Type: "
                    + "application/json, not " + printable(type) + " (with curl: -H 'Content-Type: application/json')");
        }
    }

    /** A caller's value in a message: printable ASCII only, at most 60 characters. */
    private static String printable(String value) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        return "'" + shown.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }

    private ApiException tooLarge(long declared) {
        return new ApiException(413, "body_too_large", "the request body is " + (declared >= 0 ? declared + " bytes, " : "")
                + "larger than the " + limits.maxBodyBytes() + " bytes allowed (max_body_bytes)");
    }

    private JsonNode parse(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            // A limit such as the nesting depth has no location.
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new ApiException(400, "malformed_json", "the body is not valid JSON: " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object: {\"cypher\": \"...\", \"parameters\": {...}}");
        }
        return root;
    }
}
