package dev.appservices.extension.internal.sync;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The keys of the document maps, strings in their natural order written as UTF-8. H2's own {@code StringDataType}
 * orders them the same way but writes them one character at a time, which took a quarter of a bootstrap's local work
 * (ten thousand keys of some thirty characters per commit); a copy of the encoded bytes is an order of magnitude less.
 */
final class Utf8KeyType extends BasicDataType<String> {

    static final Utf8KeyType INSTANCE = new Utf8KeyType();

    private Utf8KeyType() {}

    @Override
    public int getMemory(String key) {
        // what H2 estimates for a string: header and two bytes a character
        return 24 + 2 * key.length();
    }

    @Override
    public void write(WriteBuffer buffer, String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        buffer.putVarInt(bytes.length).put(bytes);
    }

    @Override
    public String read(ByteBuffer buffer) {
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public int compare(String one, String other) {
        return one.compareTo(other);
    }

    @Override
    public String[] createStorage(int size) {
        return new String[size];
    }
}
