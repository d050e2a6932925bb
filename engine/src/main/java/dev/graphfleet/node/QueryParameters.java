package dev.graphfleet.node;

import dev.graphfleet.config.NodeType;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the {@code parameters} of a query against the limits and turns them into the plain values
 * the engine takes (integers as Long, other numbers as Double). Errors name the parameter path,
 * e.g. {@code tags[3]} or {@code filter.name}, and the limit.
 */
final class QueryParameters {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final QueryLimits limits;

    QueryParameters(QueryLimits limits) {
        this.limits = limits;
    }

    Map<String, Object> convert(JsonNode parameters) {
        if (parameters == null || parameters.isNull()) {
            return Map.of();
        }
        if (!parameters.isObject()) {
            throw ApiException.badRequest("field parameters must be an object of name -> value, got "
                    + parameters.getNodeType().name().toLowerCase());
        }
        if (parameters.size() > limits.maxParameters()) {
            throw ApiException.badRequest(parameters.size() + " parameters; at most " + limits.maxParameters()
                    + " are allowed (max_parameters)");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = parameters.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!NAME.matcher(field.getKey()).matches()) {
                throw ApiException.badRequest("parameter name '" + abbreviate(field.getKey())
                        + "' is not an identifier: use letters, digits and '_' ($name in the query)");
            }
            values.put(field.getKey(), value(field.getValue(), field.getKey(), 0));
        }
        return values;
    }

    private Object value(JsonNode node, String path, int depth) {
        switch (node.getNodeType()) {
            case NULL:
                return null;
            case BOOLEAN:
                return node.booleanValue();
            case STRING:
                return string(node.textValue(), path);
            case NUMBER:
                return number(node, path);
            case ARRAY:
                return list(node, path, depth + 1);
            case OBJECT:
                return map(node, path, depth + 1);
            default:
                throw ApiException.badRequest("parameter " + path + ": unsupported JSON value");
        }
    }

    private String string(String text, String path) {
        if (text.length() > limits.maxStringLength()) {
            throw ApiException.badRequest("parameter " + path + ": string of " + text.length()
                    + " characters; at most " + limits.maxStringLength() + " are allowed (max_string_length)");
        }
        return text;
    }

    private Object number(JsonNode node, String path) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.abs().compareTo(BigDecimal.valueOf(limits.maxAbsNumber()).toBigInteger()) > 0) {
                throw tooLarge(path, value.toString());
            }
            return value.longValueExact();
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value) || Math.abs(value) > limits.maxAbsNumber()) {
            throw tooLarge(path, node.asText());
        }
        return value;
    }

    private ApiException tooLarge(String path, String value) {
        return ApiException.badRequest("parameter " + path + ": number " + abbreviate(value)
                + " is out of range; magnitude at most " + limits.maxAbsNumber());
    }

    private List<Object> list(JsonNode node, String path, int depth) {
        checkDepth(path, depth);
        if (node.size() > limits.maxListItems()) {
            throw ApiException.badRequest("parameter " + path + ": list of " + node.size() + " items; at most "
                    + limits.maxListItems() + " are allowed (max_list_items)");
        }
        List<Object> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(value(node.get(i), path + "[" + i + "]", depth));
        }
        return items;
    }

    private Map<String, Object> map(JsonNode node, String path, int depth) {
        checkDepth(path, depth);
        if (node.size() > limits.maxMapKeys()) {
            throw ApiException.badRequest("parameter " + path + ": map of " + node.size() + " keys; at most "
                    + limits.maxMapKeys() + " are allowed (max_map_keys)");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(field ->
                values.put(field.getKey(), value(field.getValue(), path + "." + field.getKey(), depth)));
        return values;
    }

    private void checkDepth(String path, int depth) {
        if (depth > limits.maxNestingDepth()) {
            throw ApiException.badRequest("parameter " + path + ": nested " + depth + " levels deep; at most "
                    + limits.maxNestingDepth() + " levels of lists and maps are allowed (max_nesting_depth)");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
