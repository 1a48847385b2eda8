package dev.appservices.emulator.internal.appimport;

import dev.appservices.emulator.internal.messages.Messages;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The {@code %(%%environment.values.NAME)} and {@code %(%%environment.tag)} expansions of an export's
 * configuration strings, resolved against the chosen environment. A string that is one expansion becomes the
 * value itself (any JSON type); an expansion inside a longer string is replaced by the value's text. Immutable.
 */
final class Expansions {

    private static final Pattern EXPANSION = Pattern.compile("%\\(%%environment\\.(tag|values\\.([^)]+))\\)");

    private final String tag;
    private final BsonDocument values;

    Expansions(String tag, BsonDocument values) {
        this.tag = tag;
        this.values = values;
    }

    /** A copy of the value with every expansion resolved. */
    BsonValue apply(Path file, BsonValue value) {
        if (value.isString()) {
            return string(file, value.asString().getValue());
        }
        if (value.isArray()) {
            BsonArray array = new BsonArray();
            value.asArray().forEach(item -> array.add(apply(file, item)));
            return array;
        }
        if (value.isDocument()) {
            BsonDocument document = new BsonDocument();
            for (Map.Entry<String, BsonValue> entry : value.asDocument().entrySet()) {
                document.append(entry.getKey(), apply(file, entry.getValue()));
            }
            return document;
        }
        return value;
    }

    private BsonValue string(Path file, String text) {
        Matcher matcher = EXPANSION.matcher(text);
        if (matcher.matches()) {
            return resolve(file, matcher);
        }
        matcher.reset();
        StringBuilder out = new StringBuilder();
        boolean found = false;
        while (matcher.find()) {
            found = true;
            BsonValue value = resolve(file, matcher);
            matcher.appendReplacement(out, Matcher.quoteReplacement(text(value)));
        }
        if (!found) {
            return new BsonString(text);
        }
        matcher.appendTail(out);
        return new BsonString(out.toString());
    }

    /** A value as text inside a longer string: strings as they are, other values as (relaxed) JSON. */
    private static String text(BsonValue value) {
        if (value.isString()) {
            return value.asString().getValue();
        }
        String json = new BsonDocument("v", value).toJson();
        return json.substring("{\"v\": ".length(), json.length() - 1);
    }

    private BsonValue resolve(Path file, Matcher matcher) {
        if (matcher.group(2) == null) {
            return new BsonString(tag);
        }
        BsonValue value = values.get(matcher.group(2));
        if (value == null) {
            throw Messages.unknownExpansion(file, matcher.group(), tag);
        }
        return value;
    }
}
