package dev.graphfleet.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Jackson and SnakeYAML errors, said as key paths, lines and fixes for the person editing the file. */
final class YamlErrors {

    /** Lower-case words and the parser's own token names, nothing taken from the file. */
    private static final Pattern PLAIN_PROBLEM = Pattern.compile("[a-z][a-z ,]{0,100}('<[a-z ]{1,30}>'[a-z ,]{0,100}){0,3}");

    private YamlErrors() {
    }

    /** The dotted key path of the parser's position: {@code tiers.ladybug-standard.instance.type}, {@code [0]} for list items. */
    static String pathOf(JsonParser parser) {
        if (parser == null) {
            return "(top level)";
        }
        JsonStreamContext ctx = parser.getParsingContext();
        JsonToken token = parser.currentToken();
        // On a '{' or '[' the parser has already stepped into the new container.
        if (token != null && token.isStructStart() && ctx != null) {
            ctx = ctx.getParent();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst(c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                parts.addFirst("[" + c.getCurrentIndex() + "]");
            }
        }
        return join(parts);
    }

    static String pathOf(JsonMappingException e) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            parts.addLast(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return join(parts);
    }

    private static String join(Collection<String> parts) {
        if (parts.isEmpty()) {
            return "(top level)";
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            boolean index = part.startsWith("[");
            if (path.length() > 0 && !index) {
                path.append('.');
            }
            path.append(index ? part : PrintableKey.of(part));
        }
        return path.toString();
    }

    static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    static Problem malformed(JacksonYAMLParseException e) {
        String problem = Optional.ofNullable(e.getCause())
                .filter(MarkedYAMLException.class::isInstance)
                .map(c -> ((MarkedYAMLException) c).getProblem())
                .orElse(e.getOriginalMessage());
        if (problem != null && problem.contains("exceeds the limit")) {
            return Problem.error("(file)", "is too large", "keep the config under " + ConfigLoader.MAX_BYTES / 1024 + " KiB");
        }
        return Problem.error("(file)", "is not valid YAML" + at(e.getLocation()) + wordsOf(problem),
                "check the indentation (spaces, not tabs) and quoting on that line");
    }

    static Problem streamProblem(StreamReadException e) {
        String message = e.getOriginalMessage();
        String path = pathOf(e.getProcessor());
        if (message != null && message.startsWith("Duplicate field")) {
            return Problem.error(path, "is set twice" + at(e.getLocation()), "keep one of the two");
        }
        return Problem.error(path, "cannot be read" + at(e.getLocation()) + wordsOf(message),
                "check the YAML on that line");
    }

    /**
     * The parser's problem, as ": problem", only when it is plain words and token names such as
     * {@code '<scalar>'}: a problem that quotes the file (a tag, a character, a token) is left out, so
     * a file that is not a config never has its contents printed. Empty when left out.
     */
    static String wordsOf(String problem) {
        if (problem == null) {
            return "";
        }
        if (problem.contains("\\t(TAB)")) {
            return ": a tab, which YAML does not allow here";
        }
        return PLAIN_PROBLEM.matcher(problem).matches() ? ": " + problem : "";
    }

    static Problem wrongType(MismatchedInputException e) {
        String path = pathOf(e);
        Class<?> target = e.getTargetType();
        if (e instanceof InvalidFormatException invalid && target != null && target.isEnum()) {
            List<String> allowed = enumNames(target);
            String fix = Optional.ofNullable(invalid.getValue() instanceof String s ? s : null)
                    .flatMap(s -> Suggestions.nearest(s, allowed))
                    .map(n -> "did you mean " + n + "?")
                    .orElse("use one of " + String.join(", ", allowed));
            return Problem.error(path, "must be one of " + String.join(", ", allowed) + at(e.getLocation()), fix);
        }
        String expected = describe(target);
        return Problem.error(path, "must be " + expected + at(e.getLocation()), "write " + expected + " here");
    }

    private static List<String> enumNames(Class<?> type) {
        if (type == NodeType.class) {
            return NodeType.wireNames();
        }
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(constant.toString());
        }
        return names;
    }

    /** A type, in the words of someone writing YAML. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping of names to values";
        }
        if (type == URI.class) {
            return "a URI (s3://bucket/prefix or file:///dir)";
        }
        if (type == Path.class) {
            return "a file system path";
        }
        return "a mapping (key: value lines)";
    }
}
