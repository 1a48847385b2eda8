package dev.appservices.emulator.internal.http;

import dev.appservices.emulator.internal.messages.Messages;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonType;
import org.bson.json.JsonParseException;
import org.bson.json.JsonReader;

/**
 * Reads request bodies as (Extended) JSON documents with the BSON library, and answers a body it cannot read with a
 * 400 that names the failing field in the emulator's words: {@code 'arguments[0]' is not valid Extended JSON …}
 * rather than the library's "Exception converting value 'x' to type java.lang.Long". Stateless.
 */
public final class BodyParser {

    /**
     * The BSON reader reports a malformed {@code $number…} wrapper only in this text, naming the Java type it tried:
     * it is the one place where the emulator reads the library's text, to say which Extended JSON type was meant.
     * A library that words it differently makes the emulator fall back to its generic answer, never to a wrong one.
     */
    private static final Pattern CONVERSION =
            Pattern.compile("Exception converting value '.*' to type (\\S+)", Pattern.DOTALL);

    private static final Map<String, String> NUMBER_TYPES = Map.of(
            "java.lang.Long", "{\"$numberLong\": …} needs a string holding a 64-bit integer",
            "java.lang.Integer", "{\"$numberInt\": …} needs a string holding a 32-bit integer",
            "java.lang.Double",
                    "{\"$numberDouble\": …} needs a string holding a number, \"Infinity\","
                            + " \"-Infinity\" or \"NaN\"",
            "org.bson.types.Decimal128", "{\"$numberDecimal\": …} needs a string holding a decimal number");

    private BodyParser() {}

    /**
     * Parses a body; an empty body is an empty document.
     *
     * @throws ServiceError 400 {@code BadRequest} when the body is not a JSON object or holds an invalid Extended
     *     JSON value
     */
    public static BsonDocument parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return new BsonDocument();
        }
        if (!text.startsWith("{")) {
            throw ServiceError.badRequest(Messages.notAnObject());
        }
        try {
            return BsonDocument.parse(text);
        } catch (JsonParseException | BsonInvalidOperationException | IllegalArgumentException e) {
            throw ServiceError.badRequest(describe(text, String.valueOf(e.getMessage())));
        } catch (StackOverflowError e) {
            // The BSON decoder recurses per nesting level; a hostile body must not take the worker thread down.
            throw ServiceError.badRequest(Messages.nestingTooDeep());
        }
    }

    private static String describe(String text, String detail) {
        Optional<String> path = FailureLocator.locate(text);
        Matcher conversion = CONVERSION.matcher(detail);
        if (path.isPresent() && conversion.matches() && NUMBER_TYPES.containsKey(conversion.group(1))) {
            return Messages.invalidExtendedJson(path.get(), NUMBER_TYPES.get(conversion.group(1)));
        }
        return Messages.malformedJson(path.map(field -> "at '" + field + "': ").orElse("") + detail);
    }

    /**
     * Reads a body again with the BSON library's own reader, keeping the path of the value being read, to name the
     * value the reader fails on ({@code a.b}, {@code arguments[0]}).
     */
    private static final class FailureLocator extends JsonReader {

        private String lastName;
        private String failedAt;

        private FailureLocator(String json) {
            super(json);
        }

        static Optional<String> locate(String json) {
            FailureLocator reader = new FailureLocator(json);
            try {
                reader.readStartDocument();
                reader.document("");
                return Optional.empty();
            } catch (RuntimeException | StackOverflowError e) {
                return Optional.ofNullable(reader.failedAt).filter(path -> !path.isEmpty());
            }
        }

        @Override
        protected void setCurrentName(String newName) {
            super.setCurrentName(newName);
            lastName = newName;
        }

        private void document(String prefix) {
            while (true) {
                lastName = null;
                BsonType type = type(() -> lastName == null ? prefix : join(prefix, lastName));
                if (type == BsonType.END_OF_DOCUMENT) {
                    break;
                }
                value(type, join(prefix, readName()));
            }
            readEndDocument();
        }

        private void array(String path) {
            readStartArray();
            int index = 0;
            while (true) {
                String element = path + "[" + index + "]";
                BsonType type = type(() -> element);
                if (type == BsonType.END_OF_DOCUMENT) {
                    break;
                }
                value(type, element);
                index++;
            }
            readEndArray();
        }

        /** Reads the next type, which also parses an Extended JSON wrapper, noting where a failure happens. */
        private BsonType type(Supplier<String> position) {
            try {
                return readBsonType();
            } catch (RuntimeException e) {
                failedAt = position.get();
                throw e;
            }
        }

        private void value(BsonType type, String path) {
            failedAt = path;
            if (type == BsonType.DOCUMENT) {
                readStartDocument();
                document(path);
            } else if (type == BsonType.ARRAY) {
                array(path);
            } else {
                skipValue();
            }
        }

        private static String join(String prefix, String name) {
            return prefix.isEmpty() ? name : prefix + "." + name;
        }
    }
}
