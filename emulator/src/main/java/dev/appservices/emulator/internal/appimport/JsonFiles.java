package dev.appservices.emulator.internal.appimport;

import dev.appservices.emulator.internal.messages.Messages;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonValue;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.json.JsonParseException;
import org.bson.json.JsonReader;

/** Reads the JSON files of an export with {@code org.mongodb:bson}; a syntax error names the file and line. */
final class JsonFiles {

    /** The parser only reads documents: a file's text is read as the value of this one-key document. */
    private static final String PREFIX = "{\"v\": ";

    private JsonFiles() {}

    static BsonValue read(Path file) {
        String text = text(file);
        CountingReader in = new CountingReader(new StringReader(PREFIX + text + "\n}"));
        try (JsonReader reader = new JsonReader(in)) {
            return new BsonDocumentCodec()
                    .decode(reader, DecoderContext.builder().build())
                    .get("v");
        } catch (JsonParseException | BsonInvalidOperationException e) {
            // the reader has just read the character it failed on
            throw syntaxError(file, text, in.count() - 1 - PREFIX.length(), e);
        }
    }

    static BsonDocument readDocument(Path file) {
        BsonValue value = read(file);
        if (!value.isDocument()) {
            throw Messages.invalidContent(file, "(file)", "must be a JSON object");
        }
        return value.asDocument();
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Messages.unreadable(file, e);
        }
    }

    private static RuntimeException syntaxError(Path file, String text, int failedAt, RuntimeException e) {
        String problem = String.valueOf(e.getMessage());
        int offset = Math.max(0, Math.min(failedAt, text.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return Messages.invalidJson(file, line, offset - lineStart + 1, problem);
    }

    /** Counts the characters the JSON reader consumed, which locates a syntax error its message does not place. */
    private static final class CountingReader extends FilterReader {

        private int count;

        CountingReader(Reader in) {
            super(in);
        }

        int count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
