package dev.appservices.emulator.internal.appimport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;

/** Reads the JSON files of an export with {@code org.mongodb:bson}; a syntax error names the file and line. */
final class JsonFiles {

    /** The parser only reads documents: a file's text is read as the value of this one-key document. */
    private static final String PREFIX = "{\"v\": ";
    private static final Pattern POSITION = Pattern.compile("Position: (\\d+)");

    private JsonFiles() {
    }

    static BsonValue read(Path file) {
        String text = text(file);
        try {
            return BsonDocument.parse(PREFIX + text + "\n}").get("v");
        } catch (JsonParseException | BsonInvalidOperationException e) {
            throw syntaxError(file, text, e);
        }
    }

    static BsonDocument readDocument(Path file) {
        BsonValue value = read(file);
        if (!value.isDocument()) {
            throw ImportMessages.invalidContent(file, "(file)", "must be a JSON object");
        }
        return value.asDocument();
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ImportMessages.unreadable(file, e);
        }
    }

    private static RuntimeException syntaxError(Path file, String text, RuntimeException e) {
        String problem = String.valueOf(e.getMessage());
        Matcher position = POSITION.matcher(problem);
        int offset = position.find() ? Integer.parseInt(position.group(1)) - PREFIX.length() : text.length();
        offset = Math.max(0, Math.min(offset, text.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return ImportMessages.invalidJson(file, line, offset - lineStart + 1, problem);
    }
}
